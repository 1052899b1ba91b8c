# The demo organisation of Pemerintah Kota Makassar: unit tree, staffing
# table, the named demo persons and the name lists the others are drawn
# from. Pure data: `skp_tools.demo` turns it into employees.
#
# Names are made up from common Bugis-Makassar names; any likeness to a real
# official is a coincidence.


def unit(name, kind, head=None, staff=(), children=(), acting=None):
    """A unit, its head (None when vacant), its own staff and sub-units;
    `acting` is the login of the Plt of a vacant head."""
    return {'name': name, 'kind': kind, 'head': head, 'staff': list(staff),
        'children': list(children), 'acting': acting}


def head(position, position_type, **person):
    "The head of a unit; `person` fixes name, login, rank..."
    return dict(person, position=position, position_type=position_type)


def staff(count, position, pppk=0, cpns=0, **person):
    """`count` staff members with the same position, `pppk` and `cpns` of
    them with that status. The jenjang of a functional position is read
    from its name ("... Ahli Muda")."""
    return dict(person, count=count, position=position, pppk=pppk,
        cpns=cpns)


def _setda():
    return unit("Sekretariat Daerah", 'opd',
        head("Sekretaris Daerah Kota Makassar", 'jpt_pratama',
            login='pimpinan', role="Pimpinan (Sekda)",
            name="Dr. H. Andi Muhammad Yasir Mappiare, S.STP., M.Si.",
            gender='male', rank='IV/d', education='s2',
            groups=['group_skp_leader']),
        staff=[staff(1, "Analis Kebijakan Ahli Madya")],
        children=[
            unit("Asisten Pemerintahan dan Kesejahteraan Rakyat", 'division',
                head("Asisten Pemerintahan dan Kesejahteraan Rakyat",
                    'jpt_pratama'),
                children=[
                    unit("Bagian Pemerintahan", 'division',
                        head("Kepala Bagian Pemerintahan", 'administrator'),
                        staff=[
                            staff(1, "Analis Kebijakan Ahli Muda"),
                            staff(1, "Analis Kebijakan Ahli Pertama"),
                            staff(2, "Pengadministrasi Perkantoran"),
                            ]),
                    unit("Bagian Kesejahteraan Rakyat", 'division',
                        head("Kepala Bagian Kesejahteraan Rakyat",
                            'administrator'),
                        staff=[
                            staff(1, "Analis Kebijakan Ahli Muda"),
                            staff(2, "Penata Layanan Operasional", pppk=1),
                            ]),
                    ]),
            unit("Asisten Administrasi Umum", 'division',
                head("Asisten Administrasi Umum", 'jpt_pratama'),
                children=[
                    unit("Bagian Organisasi", 'division',
                        head("Kepala Bagian Organisasi", 'administrator'),
                        staff=[
                            staff(1, "Analis Kebijakan Ahli Muda"),
                            staff(2, "Analis Kebijakan Ahli Pertama"),
                            staff(1, "Pengolah Data dan Informasi"),
                            ]),
                    unit("Bagian Umum", 'division',
                        head("Kepala Bagian Umum", 'administrator'),
                        staff=[
                            staff(1, "Arsiparis Ahli Pertama"),
                            staff(2, "Pengadministrasi Perkantoran"),
                            staff(2, "Operator Layanan Operasional", pppk=1),
                            ]),
                    ]),
            ])


def _secretariat(opd, subdivision_staff, staff_=()):
    "The Sekretariat of a dinas/badan with its Subbagian Umum."
    return unit("Sekretariat %s" % opd, 'division',
        head("Sekretaris %s" % opd, 'administrator'),
        staff=staff_,
        children=[
            unit("Subbagian Umum dan Kepegawaian %s" % opd, 'section',
                head("Kepala Subbagian Umum dan Kepegawaian", 'pengawas'),
                staff=subdivision_staff),
            ])


def _dukcapil():
    return unit("Dinas Kependudukan dan Pencatatan Sipil", 'opd',
        head("Kepala Dinas Kependudukan dan Pencatatan Sipil",
            'jpt_pratama', login='kadis.dukcapil', role="Kepala Dinas",
            name="H. Hasanuddin Latief, S.Sos., M.Si.", gender='male',
            education='s2'),
        staff=[staff(1, "Administrator Database Kependudukan Ahli Madya")],
        children=[
            _secretariat("Disdukcapil", [
                    staff(1, "Pengelola Kepegawaian",
                        login='admin.dukcapil', role="Admin OPD Disdukcapil",
                        name="Muhammad Ilham Syam, S.Kom.", gender='male',
                        education='s1', groups=['group_skp_admin_opd'],
                        admin_opd=True),
                    staff(2, "Pengadministrasi Perkantoran"),
                    staff(1, "Pengelola Barang Milik Daerah"),
                    ], [
                    staff(1, "Perencana Ahli Muda"),
                    staff(1, "Analis Keuangan Pusat dan Daerah Ahli Pertama"),
                    ]),
            unit("Bidang Pelayanan Pendaftaran Penduduk", 'division',
                head("Kepala Bidang Pelayanan Pendaftaran Penduduk",
                    'administrator', login='kabid.dafduk',
                    role="Kepala Bidang",
                    name="Andi Tenri Ajeng, S.Sos., M.AP.", gender='female',
                    education='s2'),
                staff=[staff(1, "Administrator Database Kependudukan "
                        "Ahli Muda")],
                children=[
                    unit("Seksi Identitas Penduduk", 'section',
                        head("Kepala Seksi Identitas Penduduk", 'pengawas',
                            login='kasi.identitas',
                            role="Kepala Seksi (also Plt of Seksi Pindah "
                            "Datang)",
                            name="Syamsul Bahri Dg. Tojeng, S.H.",
                            gender='male', education='s1'),
                        staff=[
                            staff(1, "Pengadministrasi Kependudukan",
                                login='pegawai', role="Pegawai",
                                name="Nurjannah, S.E.", gender='female',
                                education='s1'),
                            staff(1, "Pengadministrasi Kependudukan",
                                login='rekan', role="Pegawai (colleague)",
                                name="Muhammad Ridwan, A.Md.", gender='male',
                                education='d3'),
                            staff(2, "Operator Layanan Operasional"),
                            staff(1, "Pengolah Data dan Informasi"),
                            staff(1, "Penata Layanan Operasional", pppk=1),
                            ]),
                    # Vacant: Plt by the Kepala Seksi Identitas Penduduk.
                    unit("Seksi Pindah Datang dan Pendataan Penduduk",
                        'section', acting='kasi.identitas',
                        staff=[
                            staff(2, "Pengadministrasi Kependudukan"),
                            staff(1, "Pengolah Data dan Informasi"),
                            staff(1, "Operator Layanan Operasional"),
                            ]),
                    ]),
            unit("Bidang Pelayanan Pencatatan Sipil", 'division',
                head("Kepala Bidang Pelayanan Pencatatan Sipil",
                    'administrator', login='kabid.capil',
                    role="Kepala Bidang (another division)",
                    name="Hj. St. Rahmah Pawallangi, S.H., M.H.",
                    gender='female', education='s2'),
                children=[
                    unit("Seksi Kelahiran dan Kematian", 'section',
                        head("Kepala Seksi Kelahiran dan Kematian",
                            'pengawas'),
                        staff=[
                            staff(2, "Pengadministrasi Kependudukan"),
                            staff(1, "Pengolah Data dan Informasi"),
                            staff(1, "Operator Layanan Operasional", pppk=1),
                            ]),
                    unit("Seksi Perkawinan, Perceraian, dan Perubahan "
                        "Status Anak", 'section',
                        head("Kepala Seksi Perkawinan, Perceraian, dan "
                            "Perubahan Status Anak", 'pengawas'),
                        staff=[
                            staff(2, "Pengadministrasi Kependudukan"),
                            staff(1, "Pengolah Data dan Informasi"),
                            ]),
                    ]),
            unit("Bidang Pengelolaan Informasi Administrasi Kependudukan",
                'division',
                head("Kepala Bidang Pengelolaan Informasi Administrasi "
                    "Kependudukan", 'administrator'),
                children=[
                    unit("Seksi Sistem Informasi Administrasi Kependudukan",
                        'section',
                        head("Kepala Seksi Sistem Informasi Administrasi "
                            "Kependudukan", 'pengawas'),
                        staff=[
                            staff(2, "Pranata Komputer Ahli Pertama", cpns=1),
                            staff(1, "Pranata Komputer Terampil"),
                            ]),
                    unit("Seksi Pengolahan dan Penyajian Data Kependudukan",
                        'section',
                        head("Kepala Seksi Pengolahan dan Penyajian Data "
                            "Kependudukan", 'pengawas'),
                        staff=[
                            staff(1, "Statistisi Ahli Pertama"),
                            staff(2, "Pengolah Data dan Informasi"),
                            ]),
                    ]),
            unit("Bidang Pemanfaatan Data dan Inovasi Pelayanan", 'division',
                head("Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                    'administrator'),
                staff=[
                    staff(1, "Administrator Database Kependudukan Ahli Muda"),
                    staff(1, "Pranata Komputer Ahli Muda"),
                    staff(1, "Penata Layanan Operasional"),
                    ]),
            ])


def _bkpsdm():
    return unit("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        'opd',
        head("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya "
            "Manusia", 'jpt_pratama'),
        children=[
            _secretariat("BKPSDM", [
                    staff(2, "Pengadministrasi Perkantoran"),
                    staff(1, "Pengelola Barang Milik Daerah"),
                    ]),
            unit("Bidang Pengadaan, Pemberhentian dan Informasi", 'division',
                head("Kepala Bidang Pengadaan, Pemberhentian dan Informasi",
                    'administrator'),
                staff=[
                    staff(1, "Analis Sumber Daya Manusia Aparatur Ahli Muda",
                        login='bkpsdm', role="Admin BKPSDM",
                        name="Nurhayati Dg. Ngai, S.Psi., M.Si.",
                        gender='female', education='s2',
                        groups=['group_skp_admin']),
                    staff(2, "Analis Sumber Daya Manusia Aparatur "
                        "Ahli Pertama"),
                    staff(1, "Pranata Komputer Mahir"),
                    staff(2, "Pengolah Data dan Informasi", pppk=1),
                    ]),
            unit("Bidang Mutasi dan Promosi", 'division',
                head("Kepala Bidang Mutasi dan Promosi", 'administrator'),
                staff=[
                    staff(1, "Analis Sumber Daya Manusia Aparatur Ahli Muda"),
                    staff(2, "Analis Sumber Daya Manusia Aparatur "
                        "Ahli Pertama"),
                    staff(2, "Pengolah Data dan Informasi"),
                    ]),
            unit("Bidang Pengembangan Sumber Daya Manusia", 'division',
                head("Kepala Bidang Pengembangan Sumber Daya Manusia",
                    'administrator'),
                staff=[
                    staff(2, "Analis Sumber Daya Manusia Aparatur "
                        "Ahli Pertama", cpns=1),
                    staff(1, "Pengadministrasi Perkantoran"),
                    ]),
            unit("Bidang Penilaian Kinerja dan Penghargaan", 'division',
                head("Kepala Bidang Penilaian Kinerja dan Penghargaan",
                    'administrator'),
                staff=[
                    staff(1, "Analis Sumber Daya Manusia Aparatur Ahli Muda"),
                    staff(1, "Asesor Sumber Daya Manusia Aparatur "
                        "Ahli Pertama"),
                    staff(2, "Penata Layanan Operasional"),
                    ]),
            ])


def _puskesmas(name, size):
    "A UPT Puskesmas; `size` 0 (small) to 2 (large) adds staff."
    return unit("UPT Puskesmas %s" % name, 'upt',
        head("Kepala UPT Puskesmas %s" % name, 'pengawas'),
        staff=[
            staff(1 + (size > 1), "Dokter Ahli Pertama"),
            staff(1, "Dokter Ahli Muda"),
            staff(1, "Dokter Gigi Ahli Pertama"),
            staff(1 + size, "Perawat Ahli Pertama", pppk=1),
            staff(2, "Perawat Terampil", pppk=size),
            staff(1, "Perawat Mahir"),
            staff(1 + (size > 0), "Bidan Terampil", gender='female'),
            staff(1, "Bidan Ahli Pertama", gender='female'),
            staff(1, "Pranata Laboratorium Kesehatan Terampil"),
            staff(1, "Asisten Apoteker Terampil"),
            staff(1, "Nutrisionis Terampil"),
            staff(1, "Sanitarian Terampil", pppk=int(size > 1)),
            staff(1 + (size > 0), "Pengadministrasi Perkantoran"),
            ])


def _dinkes():
    return unit("Dinas Kesehatan", 'opd',
        head("Kepala Dinas Kesehatan", 'jpt_pratama', login='kadis.dinkes',
            role="Kepala Dinas",
            name="dr. Hj. Andi Nurul Fadhilah Makkulau, M.Kes.",
            gender='female', education='s2'),
        children=[
            _secretariat("Dinkes", [
                    staff(2, "Pengadministrasi Perkantoran"),
                    staff(1, "Pengelola Barang Milik Daerah"),
                    ], [staff(1, "Perencana Ahli Muda")]),
            unit("Bidang Kesehatan Masyarakat", 'division',
                head("Kepala Bidang Kesehatan Masyarakat", 'administrator'),
                staff=[
                    staff(1, "Epidemiolog Kesehatan Ahli Muda"),
                    staff(1, "Penyuluh Kesehatan Masyarakat Ahli Pertama"),
                    staff(1, "Nutrisionis Ahli Pertama"),
                    staff(1, "Sanitarian Terampil"),
                    ]),
            unit("Bidang Pencegahan dan Pengendalian Penyakit", 'division',
                head("Kepala Bidang Pencegahan dan Pengendalian Penyakit",
                    'administrator'),
                staff=[
                    staff(2, "Epidemiolog Kesehatan Ahli Pertama"),
                    staff(1, "Entomolog Kesehatan Ahli Pertama"),
                    staff(1, "Pengolah Data dan Informasi"),
                    ]),
            unit("Bidang Pelayanan dan Sumber Daya Kesehatan", 'division',
                head("Kepala Bidang Pelayanan dan Sumber Daya Kesehatan",
                    'administrator'),
                staff=[
                    staff(1, "Administrator Kesehatan Ahli Muda"),
                    staff(1, "Apoteker Ahli Pertama"),
                    staff(2, "Penata Layanan Operasional"),
                    ]),
            _puskesmas("Kassi-Kassi", 2),
            _puskesmas("Jongaya", 1),
            _puskesmas("Mangasa", 0),
            ])


def _school(name, teachers, pppk):
    "A state school (UPT Satuan Pendidikan Formal) led by a teacher."
    return unit("UPT SPF %s" % name, 'upt',
        head("Guru Ahli Madya (Kepala Sekolah)", 'fungsional'),
        staff=[
            staff(2, "Guru Ahli Madya"),
            staff(teachers // 2, "Guru Ahli Muda"),
            staff(teachers - teachers // 2, "Guru Ahli Pertama", pppk=pppk),
            staff(1, "Pengadministrasi Perkantoran"),
            ])


def _disdik():
    return unit("Dinas Pendidikan", 'opd',
        head("Kepala Dinas Pendidikan", 'jpt_pratama'),
        children=[
            _secretariat("Disdik", [
                    staff(2, "Pengadministrasi Perkantoran"),
                    staff(1, "Pengolah Data dan Informasi"),
                    ]),
            unit("Bidang Pembinaan Sekolah Dasar", 'division',
                head("Kepala Bidang Pembinaan Sekolah Dasar",
                    'administrator'),
                staff=[
                    staff(1, "Pengawas Sekolah Ahli Madya"),
                    staff(2, "Penata Layanan Operasional"),
                    ]),
            unit("Bidang Pembinaan Sekolah Menengah Pertama", 'division',
                head("Kepala Bidang Pembinaan Sekolah Menengah Pertama",
                    'administrator'),
                staff=[
                    staff(1, "Pengawas Sekolah Ahli Muda"),
                    staff(2, "Penata Layanan Operasional", pppk=1),
                    ]),
            _school("SMP Negeri 8 Makassar", 9, 4),
            _school("SD Inpres Mangasa", 6, 3),
            ])


def _bappeda():
    return unit("Badan Perencanaan Pembangunan Daerah", 'opd',
        head("Kepala Badan Perencanaan Pembangunan Daerah", 'jpt_pratama'),
        children=[
            _secretariat("Bappeda", [
                    staff(2, "Pengadministrasi Perkantoran")]),
            unit("Bidang Perencanaan, Pengendalian dan Evaluasi "
                "Pembangunan", 'division',
                head("Kepala Bidang Perencanaan, Pengendalian dan Evaluasi "
                    "Pembangunan", 'administrator'),
                staff=[
                    staff(1, "Perencana Ahli Muda"),
                    staff(2, "Perencana Ahli Pertama", cpns=1),
                    ]),
            unit("Bidang Pemerintahan dan Pembangunan Manusia", 'division',
                head("Kepala Bidang Pemerintahan dan Pembangunan Manusia",
                    'administrator'),
                staff=[
                    staff(1, "Perencana Ahli Muda"),
                    staff(1, "Perencana Ahli Pertama"),
                    staff(1, "Pengolah Data dan Informasi"),
                    ]),
            unit("Bidang Perekonomian, Infrastruktur dan Kewilayahan",
                'division',
                head("Kepala Bidang Perekonomian, Infrastruktur dan "
                    "Kewilayahan", 'administrator'),
                staff=[
                    staff(1, "Perencana Ahli Madya"),
                    staff(2, "Perencana Ahli Pertama"),
                    ]),
            unit("Bidang Penelitian dan Pengembangan", 'division',
                head("Kepala Bidang Penelitian dan Pengembangan",
                    'administrator'),
                staff=[
                    staff(2, "Analis Kebijakan Ahli Muda"),
                    staff(1, "Penata Layanan Operasional", pppk=1),
                    ]),
            ])


def _irban(number):
    return unit("Inspektur Pembantu Wilayah %s" % number, 'division',
        head("Inspektur Pembantu Wilayah %s" % number, 'administrator'),
        staff=[
            staff(1, "Auditor Ahli Madya"),
            staff(2, "Auditor Ahli Muda"),
            staff(1, "Auditor Ahli Pertama"),
            staff(1, "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah "
                "Ahli Pertama"),
            ])


def _inspektorat():
    return unit("Inspektorat Daerah", 'opd',
        head("Inspektur Daerah", 'jpt_pratama'),
        children=[
            _secretariat("Inspektorat", [
                    staff(2, "Pengadministrasi Perkantoran"),
                    staff(1, "Auditor Terampil"),
                    ]),
            _irban("I"),
            _irban("II"),
            _irban("III"),
            ])


def _diskominfo():
    return unit("Dinas Komunikasi dan Informatika", 'opd',
        head("Kepala Dinas Komunikasi dan Informatika", 'jpt_pratama'),
        children=[
            _secretariat("Diskominfo", [
                    staff(2, "Pengadministrasi Perkantoran")]),
            unit("Bidang Aplikasi Informatika", 'division',
                head("Kepala Bidang Aplikasi Informatika", 'administrator'),
                staff=[
                    staff(1, "Pranata Komputer Ahli Muda"),
                    staff(4, "Pranata Komputer Ahli Pertama", pppk=2, cpns=1),
                    staff(1, "Pranata Komputer Terampil"),
                    ]),
            unit("Bidang Informasi dan Komunikasi Publik", 'division',
                head("Kepala Bidang Informasi dan Komunikasi Publik",
                    'administrator'),
                staff=[
                    staff(1, "Pranata Hubungan Masyarakat Ahli Muda"),
                    staff(1, "Pranata Hubungan Masyarakat Ahli Pertama"),
                    staff(1, "Pranata Hubungan Masyarakat Terampil"),
                    staff(1, "Operator Layanan Operasional"),
                    ]),
            unit("Bidang Persandian dan Statistik", 'division',
                head("Kepala Bidang Persandian dan Statistik",
                    'administrator'),
                staff=[
                    staff(1, "Sandiman Ahli Pertama"),
                    staff(2, "Statistisi Ahli Pertama"),
                    ]),
            ])


def _kelurahan(name):
    return unit("Kelurahan %s" % name, 'village',
        head("Lurah %s" % name, 'pengawas'),
        staff=[
            staff(1, "Penata Layanan Operasional"),
            staff(2, "Pengadministrasi Perkantoran"),
            ])


def _kecamatan(name, kelurahan):
    return unit("Kecamatan %s" % name, 'district',
        head("Camat %s" % name, 'administrator'),
        children=[
            unit("Sekretariat Kecamatan %s" % name, 'division',
                head("Sekretaris Kecamatan %s" % name, 'administrator'),
                staff=[
                    staff(1, "Penata Layanan Operasional"),
                    staff(1, "Pengadministrasi Perkantoran"),
                    ]),
            unit("Seksi Pemerintahan dan Ketenteraman Kecamatan %s" % name,
                'section',
                head("Kepala Seksi Pemerintahan dan Ketenteraman", 'pengawas'),
                staff=[staff(1, "Pengadministrasi Perkantoran")]),
            ] + [_kelurahan(k) for k in kelurahan])


ORGANISATION = unit("Pemerintah Kota Makassar", 'government',
    children=[
        _setda(),
        _dukcapil(),
        _bkpsdm(),
        _dinkes(),
        _disdik(),
        _bappeda(),
        _inspektorat(),
        _diskominfo(),
        _kecamatan("Rappocini", ["Gunung Sari", "Kassi-Kassi", "Karunrung"]),
        _kecamatan("Tamalate", ["Mangasa", "Jongaya", "Barombong"]),
        ])
# Kode wilayah of Kota Makassar (Kemendagri): the root of the unit codes.
ROOT_CODE = '7371'

MALE_NAMES = [
    "Muhammad", "Ahmad", "Abdul Rahman", "Syamsul", "Rusdi", "Ridwan",
    "Hasanuddin", "Arifin", "Zainal", "Baharuddin", "Jumadi", "Ilham",
    "Irwan", "Fadli", "Akbar", "Ikhsan", "Hamzah", "Nasrullah", "Syahrir",
    "Amiruddin", "Kamaruddin", "Muh. Yusuf", "Asri", "Rahmat",
    "Syarifuddin", "Mansyur", "Haerul", "Taufik", "Firman", "Sukri",
    "Jufri", "Anwar", "Alimuddin", "Nurdin", "Sahabuddin", "Risal", "Arman",
    "Hendra", "Ismail", "Darwis", "Suardi", "Herman", "Mustafa", "Idris",
    "Agus", "Fahri", "Rizal", "Wahyu", "Ardiansyah", "Muhlis", "Syahrul",
    "Aswar", "Sudirman", "Tajuddin", "Burhanuddin", "Jamaluddin", "Hasbi",
    "Awaluddin", "Muh. Arfah", "Asdar", "Basri", "Irfan", "Muh. Nur",
    "Syaiful", "Ashar", "Kaharuddin", "Saharuddin", "Nasir", "Rasyid",
    "Baso", "Fajar", "Muh. Ikbal", "Askar", "Jusman", "Marzuki",
    ]
FEMALE_NAMES = [
    "Nurhayati", "Aisyah", "Hasnah", "Nurjannah", "Rahmah", "Hasniah",
    "Rosmini", "Nurul Fadhilah", "Fitriani", "Megawati", "Irmawati",
    "Sri Wahyuni", "Rahmawati", "Hartini", "Kartini", "Haslinda",
    "Musdalifah", "Darmawati", "Nurfaidah", "Asriani", "Ramlah", "Suryani",
    "Nirwana", "Murniati", "Wahidah", "Husnaeni", "Syamsiah", "Nur Aliyah",
    "Tenri", "Sumarni", "Hasmawati", "Nurlina", "Marwah", "Risna",
    "Ayu Lestari", "Nurul Hidayah", "Fatmawati", "Jumriani", "Erna",
    "Hajar", "Mutmainnah", "Magfirah", "Nurmiati", "Indah Sari",
    "Dewi Sartika", "Hardiyanti", "Kurniati", "Winarti", "Besse",
    "Nurhidayah", "Rosdiana", "Sitti Nurbaya", "Muliana", "Herlina",
    ]
FAMILY_NAMES = [
    "Rahman", "Hamid", "Latief", "Syam", "Salam", "Mappiare", "Sultan",
    "Pawallangi", "Mattalitti", "Makkulau", "Patiroi", "Tahir", "Sanusi",
    "Hafid", "Arsyad", "Abbas", "Said", "Mustari", "Basri", "Yunus", "Jalil",
    "Kadir", "Pananrangi", "Haris", "Rasyid", "Haruna", "Idrus", "Syukur",
    "Massalinri", "Parenrengi", "Mappangara", "Lologau", "Bachtiar",
    "Ramli", "Amir", "Umar", "Anshar", "Palaguna", "Mallombasang", "Tayeb",
    "Daud", "Malik", "Hasyim", "Tamrin", "Saleh", "Muin", "Gani", "Ma'ruf",
    "Sirajuddin", "Paturusi", "Tjambolang", "Makkawaru",
    ]
# Daeng: the Makassar title name used after the given name.
MALE_DAENG = [
    "Dg. Tojeng", "Dg. Ngalle", "Dg. Bombong", "Dg. Sitaba", "Dg. Rani",
    "Dg. Lurang", "Dg. Nai", "Dg. Kebo", "Dg. Bau", "Dg. Sikki",
    "Dg. Mile", "Dg. Tompo", "Dg. Sutte", "Dg. Ngugi", "Dg. Rate",
    ]
FEMALE_DAENG = [
    "Dg. Ngai", "Dg. Baji", "Dg. Caya", "Dg. Te'ne", "Dg. Kanang",
    "Dg. Puji", "Dg. Bollo", "Dg. Intang",
    ]

# Academic titles by field: (keywords of the position, S1/D4, D3, S2).
TITLES = [
    (["Pranata Komputer", "Sandiman", "Database", "Aplikasi"],
        ["S.Kom.", "S.T."], ["A.Md.Kom."], ["M.Kom.", "M.T."]),
    (["Dokter"], [""], [], ["M.Kes.", "Sp.PD.", "Sp.A."]),
    (["Perawat"], ["S.Kep., Ns."], ["A.Md.Kep."], ["M.Kep."]),
    (["Bidan"], ["S.Tr.Keb."], ["A.Md.Keb."], ["M.Keb."]),
    (["Apoteker"], ["S.Farm., Apt."], ["A.Md.Farm."], ["M.Farm., Apt."]),
    (["Asisten Apoteker"], [], ["A.Md.Farm."], []),
    (["Laboratorium"], ["S.Tr.AK."], ["A.Md.AK."], []),
    (["Nutrisionis"], ["S.Gz."], ["A.Md.Gz."], ["M.Gz."]),
    (["Sanitarian"], ["S.KM."], ["A.Md.KL."], ["M.KM."]),
    (["Epidemiolog", "Entomolog", "Kesehatan", "Puskesmas"],
        ["S.KM."], ["A.Md.Kes."], ["M.Kes.", "M.KM."]),
    (["Guru", "Pengawas Sekolah", "Pendidikan", "Sekolah"],
        ["S.Pd.", "S.Pd.I."], ["A.Md."], ["M.Pd."]),
    (["Auditor", "Keuangan"], ["S.E.", "S.Ak."], ["A.Md.Ak."],
        ["M.Ak.", "M.Si."]),
    (["Sumber Daya Manusia", "Kepegawaian"], ["S.Psi.", "S.Sos.", "S.AP."],
        ["A.Md."], ["M.Si.", "M.AP.", "M.M."]),
    (["Perencana", "Perencanaan", "Perekonomian"],
        ["S.E.", "S.T.", "S.P.", "S.Si."], ["A.Md."],
        ["M.Si.", "M.T.", "M.E."]),
    (["Statistisi", "Statistik"], ["S.Si.", "S.Stat."], ["A.Md.Stat."],
        ["M.Si."]),
    (["Hubungan Masyarakat", "Komunikasi"], ["S.I.Kom.", "S.Sos."],
        ["A.Md.Kom."], ["M.I.Kom."]),
    (["Camat", "Lurah", "Kecamatan", "Pemerintahan"],
        ["S.STP.", "S.IP.", "S.Sos."], ["A.Md.Pem."], ["M.Si.", "M.AP."]),
    (["Arsiparis"], ["S.Hum.", "S.AP."], ["A.Md.Ars."], ["M.AP."]),
    ([], ["S.E.", "S.Sos.", "S.H.", "S.AP.", "S.IP.", "S.M."], ["A.Md."],
        ["M.Si.", "M.M.", "M.AP.", "M.H."]),
    ]
# Positions whose holders are doctors: their title goes before the name.
DOCTOR_PREFIXES = [("Dokter Gigi", "drg."), ("Dokter", "dr.")]
