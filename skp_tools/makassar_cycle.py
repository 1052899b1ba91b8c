# The performance cycle of the Makassar demo: holidays, Perjanjian Kinerja
# targets, SKP texts (RHK and IKI per position, with the daily activities
# that serve them), budget lines and service types. Pure data:
# `skp_tools.demo_cycle` turns it into records.
#
# Texts follow the wording of public SKP and Perjanjian Kinerja documents of
# Indonesian local governments; figures are made up for the demo.
import datetime as dt

# Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB
# No. 1497, 2 dan 5 Tahun 2025: 17 libur nasional and 8 cuti bersama.
HOLIDAYS = {
    2026: [
        (dt.date(2026, 1, 1), "Tahun Baru 2026 Masehi"),
        (dt.date(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW"),
        (dt.date(2026, 2, 16), "Cuti Bersama Tahun Baru Imlek"),
        (dt.date(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili"),
        (dt.date(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi"),
        (dt.date(2026, 3, 19), "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
        (dt.date(2026, 3, 20), "Cuti Bersama Idul Fitri 1447 H"),
        (dt.date(2026, 3, 21), "Idul Fitri 1447 H"),
        (dt.date(2026, 3, 22), "Idul Fitri 1447 H"),
        (dt.date(2026, 3, 23), "Cuti Bersama Idul Fitri 1447 H"),
        (dt.date(2026, 3, 24), "Cuti Bersama Idul Fitri 1447 H"),
        (dt.date(2026, 4, 3), "Wafat Yesus Kristus"),
        (dt.date(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)"),
        (dt.date(2026, 5, 1), "Hari Buruh Internasional"),
        (dt.date(2026, 5, 14), "Kenaikan Yesus Kristus"),
        (dt.date(2026, 5, 15), "Cuti Bersama Kenaikan Yesus Kristus"),
        (dt.date(2026, 5, 27), "Idul Adha 1447 H"),
        (dt.date(2026, 5, 28), "Cuti Bersama Idul Adha 1447 H"),
        (dt.date(2026, 5, 31), "Hari Raya Waisak 2570 BE"),
        (dt.date(2026, 6, 1), "Hari Lahir Pancasila"),
        (dt.date(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 H"),
        (dt.date(2026, 8, 17), "Proklamasi Kemerdekaan RI"),
        (dt.date(2026, 8, 25), "Maulid Nabi Muhammad SAW"),
        (dt.date(2026, 12, 24), "Cuti Bersama Hari Raya Natal"),
        (dt.date(2026, 12, 25), "Hari Raya Natal"),
        ],
    }


def target(objective, indicator, value, uom, perspective='customer',
        direction='higher', realised=None):
    """A Perjanjian Kinerja target: sasaran strategis and its IKU;
    `realised` is the capaian of the last quarter when known."""
    return {'objective': objective, 'indicator': indicator, 'value': value,
        'uom': uom, 'perspective': perspective, 'direction': direction,
        'realised': realised}


# Perjanjian Kinerja of each OPD and kecamatan, by unit name; '{name}' is
# replaced by the unit's name.
ORG_TARGETS = {
    "Sekretariat Daerah": [
        target("Meningkatnya akuntabilitas kinerja Pemerintah Kota Makassar",
            "Nilai SAKIP Pemerintah Kota Makassar", 75, "nilai", 'process'),
        target("Meningkatnya kualitas reformasi birokrasi",
            "Indeks Reformasi Birokrasi Kota Makassar", 72, "indeks",
            'internal'),
        target("Meningkatnya kualitas pelayanan publik",
            "Indeks Kepuasan Masyarakat terhadap pelayanan publik", 85,
            "nilai"),
        ],
    "Dinas Kependudukan dan Pencatatan Sipil": [
        target("Meningkatnya kepemilikan dokumen identitas kependudukan",
            "Persentase penduduk wajib KTP yang memiliki KTP-el", 98, "%",
            realised=98.2),
        target("Meningkatnya kualitas pelayanan administrasi kependudukan",
            "Persentase dokumen kependudukan yang selesai tepat waktu", 95,
            "%", 'process', realised=95.8),
        target("Meningkatnya kepemilikan akta pencatatan sipil",
            "Persentase anak usia 0-18 tahun yang memiliki akta kelahiran",
            97, "%", realised=96.4),
        ],
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": [
        target("Meningkatnya profesionalitas ASN Kota Makassar",
            "Indeks Profesionalitas ASN", 72, "indeks", 'internal'),
        target("Meningkatnya penerapan sistem merit",
            "Indeks Sistem Merit", 0.8, "indeks", 'process'),
        target("Meningkatnya kualitas pengelolaan kinerja ASN",
            "Persentase ASN yang SKP-nya ditetapkan tepat waktu", 95, "%",
            'process'),
        ],
    "Dinas Kesehatan": [
        target("Meningkatnya derajat kesehatan masyarakat",
            "Cakupan pelayanan kesehatan ibu hamil sesuai standar", 100,
            "%"),
        target("Menurunnya prevalensi stunting",
            "Prevalensi stunting pada balita", 12, "%", direction='lower'),
        target("Meningkatnya mutu fasilitas pelayanan kesehatan dasar",
            "Persentase puskesmas terakreditasi paripurna", 60, "%",
            'process'),
        ],
    "Dinas Pendidikan": [
        target("Meningkatnya akses pendidikan dasar",
            "Angka Partisipasi Murni SD/MI", 99, "%"),
        target("Meningkatnya akses pendidikan menengah pertama",
            "Angka Partisipasi Murni SMP/MTs", 85, "%"),
        target("Meningkatnya mutu satuan pendidikan",
            "Persentase sekolah terakreditasi minimal B", 95, "%",
            'process'),
        ],
    "Badan Perencanaan Pembangunan Daerah": [
        target("Meningkatnya kualitas perencanaan pembangunan daerah",
            "Persentase program RKPD yang selaras dengan RPJMD", 100, "%",
            'process'),
        target("Meningkatnya kualitas pengendalian dan evaluasi pembangunan",
            "Persentase capaian indikator kinerja daerah", 90, "%",
            'process'),
        ],
    "Inspektorat Daerah": [
        target("Meningkatnya efektivitas pengendalian intern",
            "Level maturitas SPIP", 3.5, "level", 'process'),
        target("Meningkatnya kapabilitas pengawasan intern",
            "Level kapabilitas APIP", 3, "level", 'internal'),
        target("Meningkatnya tindak lanjut hasil pengawasan",
            "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti",
            85, "%", 'process'),
        ],
    "Dinas Komunikasi dan Informatika": [
        target("Meningkatnya penerapan Sistem Pemerintahan Berbasis "
            "Elektronik", "Indeks SPBE Kota Makassar", 3.5, "indeks",
            'process'),
        target("Meningkatnya keterbukaan informasi publik",
            "Nilai Indeks Keterbukaan Informasi Publik", 85, "nilai"),
        ],
    "Kecamatan Rappocini": [
        target("Meningkatnya kualitas pelayanan administrasi di {name}",
            "Persentase layanan administrasi kecamatan yang selesai tepat "
            "waktu", 95, "%", 'process'),
        target("Meningkatnya kepuasan masyarakat terhadap layanan {name}",
            "Indeks Kepuasan Masyarakat {name}", 85, "nilai"),
        ],
    "Kecamatan Tamalate": [
        target("Meningkatnya kualitas pelayanan administrasi di {name}",
            "Persentase layanan administrasi kecamatan yang selesai tepat "
            "waktu", 95, "%", 'process'),
        target("Meningkatnya kepuasan masyarakat terhadap layanan {name}",
            "Indeks Kepuasan Masyarakat {name}", 85, "nilai"),
        ],
    }
# The head of an OPD also carries this additional result.
HEAD_ADDITIONAL = "Terlaksananya pembinaan dan dialog kinerja pegawai {name}"
HEAD_ADDITIONAL_IKI = ("Jumlah dialog kinerja triwulanan yang dilaksanakan",
    4, "kali")


def rhk(parent, name, *ikis, kind='utama'):
    """A Rencana Hasil Kerja: `parent` is the index of the leader's RHK it
    intervenes in (taken modulo their number)."""
    return {'parent': parent, 'name': name, 'ikis': list(ikis),
        'kind': kind}


def iki(name, value, uom, aspect='quantity', source='activities', acts=(),
        output=None, service=None, scope=None, direction='higher',
        maximum=False):
    """An Indikator Kinerja Individu with its realisation source; `acts`
    are daily activity texts (a text, or (text, budget line code, (min,
    max) amount) for spending), `output` the (min, max) output of one."""
    return {'name': name, 'value': value, 'uom': uom, 'aspect': aspect,
        'source': source, 'acts': list(acts), 'output': output,
        'service': service, 'scope': scope, 'direction': direction,
        'maximum': maximum}


KTP_LINE = '2.12.02.2.01.0001'
PINDAH_LINE = '2.12.02.2.02.0001'
CAPIL_LINE = '2.12.03.2.01.0001'
DATA_LINE = '2.12.04.2.01.0001'
SIAK_LINE = '2.12.04.2.02.0001'

# Disdukcapil in full: the heads by unit name, the staff by (unit name,
# position). The head of the OPD takes up the Perjanjian Kinerja.
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
DUKCAPIL_HEADS = {
    "Sekretariat Disdukcapil": [
        rhk(1, "Terselenggaranya tata kelola kesekretariatan yang mendukung "
            "pelayanan administrasi kependudukan",
            iki("Persentase realisasi anggaran Disdukcapil", 95, "%",
                'cost', 'budget'),
            iki("Nilai SAKIP Disdukcapil", 80, "nilai", 'quality',
                'manual')),
        ],
    "Subbagian Umum dan Kepegawaian Disdukcapil": [
        rhk(0, "Terlaksananya pelayanan umum, kepegawaian dan pengelolaan "
            "barang milik daerah Disdukcapil",
            iki("Persentase usulan layanan kepegawaian yang diproses tepat "
                "waktu", 100, "%", 'time', 'manual', maximum=True),
            iki("Persentase barang milik daerah yang tercatat dan "
                "terinventarisasi", 100, "%", 'quality', 'manual',
                maximum=True)),
        ],
    "Bidang Pelayanan Pendaftaran Penduduk": [
        rhk(0, "Meningkatnya cakupan kepemilikan KTP-el dan Kartu Identitas "
            "Anak",
            iki("Persentase penduduk wajib KTP yang telah melakukan "
                "perekaman KTP-el", 99, "%", 'quantity', 'manual'),
            iki("Persentase anak usia 0-17 tahun yang memiliki KIA", 60, "%",
                'quantity', 'manual')),
        rhk(1, "Terlaksananya pelayanan pendaftaran penduduk yang cepat dan "
            "tepat waktu",
            iki("Persentase layanan pendaftaran penduduk yang selesai sesuai "
                "standar pelayanan", 95, "%", 'time', 'manual')),
        ],
    "Seksi Identitas Penduduk": [
        rhk(0, "Terlaksananya perekaman dan pencetakan KTP-el serta "
            "penerbitan KIA",
            iki("Persentase permohonan KTP-el yang selesai tepat waktu", 95,
                "%", 'time', 'service', service='KTP', scope='unit'),
            iki("Jumlah kegiatan perekaman KTP-el jemput bola", 24,
                "kegiatan", acts=[
                    ("Memimpin perekaman KTP-el jemput bola bagi siswa "
                        "pemula di SMA Negeri 5 Makassar", KTP_LINE,
                        (450000, 900000)),
                    ("Memimpin perekaman KTP-el jemput bola bagi penduduk "
                        "lansia dan disabilitas di Kelurahan Mangasa",
                        KTP_LINE, (450000, 900000)),
                    ], output=(1, 1))),
        rhk(1, "Meningkatnya kualitas pelayanan dokumen identitas penduduk",
            iki("Persentase permohonan KIA yang selesai tepat waktu", 95,
                "%", 'time', 'service', service='KIA', scope='unit')),
        ],
    "Bidang Pelayanan Pencatatan Sipil": [
        rhk(2, "Meningkatnya kepemilikan akta kelahiran dan akta kematian",
            iki("Persentase anak usia 0-18 tahun yang memiliki akta "
                "kelahiran", 97, "%", 'quantity', 'manual'),
            iki("Persentase peristiwa kematian yang diterbitkan aktanya", 75,
                "%", 'quantity', 'manual')),
        rhk(1, "Terlaksananya pelayanan pencatatan sipil yang tepat waktu",
            iki("Persentase akta pencatatan sipil yang selesai sesuai "
                "standar pelayanan", 95, "%", 'time', 'manual')),
        ],
    "Seksi Kelahiran dan Kematian": [
        rhk(0, "Terlaksananya penerbitan akta kelahiran tepat waktu",
            iki("Persentase permohonan akta kelahiran yang selesai tepat "
                "waktu", 95, "%", 'time', 'service', service='AKL',
                scope='unit')),
        rhk(1, "Terlaksananya penerbitan akta kematian tepat waktu",
            iki("Persentase permohonan akta kematian yang selesai tepat "
                "waktu", 95, "%", 'time', 'service', service='AKM',
                scope='unit')),
        ],
    "Seksi Perkawinan, Perceraian, dan Perubahan Status Anak": [
        rhk(1, "Terlaksananya pencatatan perkawinan, perceraian dan "
            "perubahan status anak sesuai ketentuan",
            iki("Persentase permohonan akta perkawinan dan perceraian yang "
                "selesai tepat waktu", 95, "%", 'time', 'manual'),
            iki("Persentase akta yang diterbitkan tanpa perbaikan", 100, "%",
                'quality', 'manual', maximum=True)),
        ],
    "Bidang Pengelolaan Informasi Administrasi Kependudukan": [
        rhk(1, "Terkelolanya sistem informasi administrasi kependudukan yang "
            "andal",
            iki("Persentase ketersediaan layanan SIAK Terpusat", 99, "%",
                'quality', 'manual')),
        rhk(0, "Tersedianya data kependudukan yang akurat untuk perencanaan "
            "pembangunan",
            iki("Persentase data kependudukan yang konsisten dengan Data "
                "Konsolidasi Bersih", 99, "%", 'quality', 'manual')),
        ],
    "Seksi Sistem Informasi Administrasi Kependudukan": [
        rhk(0, "Terpeliharanya jaringan dan perangkat SIAK di kantor dinas, "
            "kecamatan dan mal pelayanan publik",
            iki("Persentase waktu operasional jaringan SIAK (uptime)", 99,
                "%", 'quality', 'manual'),
            iki("Persentase gangguan SIAK yang selesai dalam 1 hari kerja",
                90, "%", 'time', 'manual')),
        ],
    "Seksi Pengolahan dan Penyajian Data Kependudukan": [
        rhk(1, "Tersajikannya data kependudukan agregat yang akurat dan "
            "tepat waktu",
            iki("Persentase permintaan data kependudukan yang dilayani tepat "
                "waktu", 100, "%", 'time', 'manual', maximum=True)),
        ],
    "Bidang Pemanfaatan Data dan Inovasi Pelayanan": [
        rhk(1, "Meningkatnya inovasi pelayanan administrasi kependudukan",
            iki("Persentase layanan adminduk yang dapat diajukan secara "
                "daring", 80, "%", 'quantity', 'manual')),
        rhk(0, "Meningkatnya pemanfaatan data kependudukan oleh lembaga "
            "pengguna",
            iki("Persentase lembaga pengguna yang memanfaatkan data "
                "kependudukan sesuai perjanjian kerja sama", 90, "%",
                'quantity', 'manual')),
        ],
    }

_VERIFY_KTP = [
    "Memverifikasi berkas permohonan KTP-el pemula di loket pelayanan",
    "Memverifikasi berkas permohonan penggantian KTP-el rusak dan hilang",
    "Memverifikasi berkas permohonan KIA dari sekolah dan posyandu",
    "Memeriksa kelengkapan berkas permohonan KTP-el perubahan data",
    ]
_ERROR_FREE = iki("Persentase berkas terverifikasi tanpa kesalahan", 100,
    "%", 'quality', 'manual', maximum=True)
DUKCAPIL_STAFF = {
    (DUKCAPIL, "Administrator Database Kependudukan Ahli Madya"): [
        rhk(0, "Terjaganya kualitas dan keamanan database kependudukan Kota "
            "Makassar",
            iki("Jumlah laporan konsolidasi dan pembersihan data "
                "kependudukan", 12, "laporan", acts=[
                    "Menganalisis hasil konsolidasi data kependudukan dari "
                    "Ditjen Dukcapil",
                    "Menyusun laporan kualitas database kependudukan "
                    "bulanan",
                    "Memantau log akses database kependudukan",
                    ], output=(0, 1)),
            iki("Persentase data kependudukan yang tersinkronisasi dengan "
                "database nasional", 100, "%", 'quality', 'manual',
                maximum=True)),
        ],
    ("Sekretariat Disdukcapil", "Perencana Ahli Muda"): [
        rhk(0, "Tersusunnya dokumen perencanaan dan pelaporan kinerja "
            "Disdukcapil",
            iki("Jumlah dokumen perencanaan dan laporan kinerja yang disusun "
                "tepat waktu", 6, "dokumen", 'time', acts=[
                    "Menyusun rancangan Renja Disdukcapil tahun berikutnya",
                    "Mengompilasi capaian indikator kinerja triwulan dari "
                    "setiap bidang",
                    "Menyusun laporan realisasi fisik dan keuangan bulanan",
                    ], output=(0, 1)),
            iki("Persentase dokumen perencanaan yang selaras dengan Renstra",
                100, "%", 'quality', 'manual', maximum=True)),
        ],
    ("Sekretariat Disdukcapil",
        "Analis Keuangan Pusat dan Daerah Ahli Pertama"): [
        rhk(0, "Tersusunnya laporan keuangan Disdukcapil yang akuntabel",
            iki("Jumlah laporan keuangan yang disusun tepat waktu", 14,
                "laporan", 'time', acts=[
                    "Memverifikasi SPJ belanja kegiatan pelayanan "
                    "pendaftaran penduduk",
                    "Menyusun laporan realisasi anggaran bulanan",
                    "Merekonsiliasi belanja dengan BPKAD",
                    ], output=(0, 1)),
            iki("Persentase SPJ yang diverifikasi tanpa koreksi BPKAD", 95,
                "%", 'quality', 'manual')),
        ],
    ("Subbagian Umum dan Kepegawaian Disdukcapil", "Pengelola Kepegawaian"): [
        rhk(0, "Terkelolanya administrasi kepegawaian Disdukcapil",
            iki("Jumlah usulan layanan kepegawaian yang diproses", 150,
                "usulan", acts=[
                    "Memproses usulan kenaikan pangkat periode April dan "
                    "Oktober",
                    "Memproses usulan cuti dan kenaikan gaji berkala pegawai",
                    "Memutakhirkan data pegawai Disdukcapil di SIASN",
                    "Memantau penetapan dan evaluasi SKP pegawai di SKP-ASN",
                    ], output=(1, 6)),
            iki("Persentase SKP pegawai Disdukcapil yang ditetapkan tepat "
                "waktu", 100, "%", 'time', 'manual', maximum=True)),
        ],
    ("Subbagian Umum dan Kepegawaian Disdukcapil",
        "Pengadministrasi Perkantoran"): [
        rhk(0, "Terlaksananya administrasi persuratan dan kearsipan "
            "Disdukcapil",
            iki("Jumlah surat masuk dan keluar yang diagendakan", 1500,
                "surat", acts=[
                    "Mengagendakan dan mendistribusikan surat masuk",
                    "Mengagendakan dan mengirim surat keluar",
                    "Menata arsip surat dinas tahun berjalan",
                    ], output=(4, 12))),
        ],
    ("Subbagian Umum dan Kepegawaian Disdukcapil",
        "Pengelola Barang Milik Daerah"): [
        rhk(0, "Tertatanya administrasi barang milik daerah Disdukcapil",
            iki("Jumlah barang milik daerah yang diinventarisasi dan diberi "
                "label", 400, "barang", acts=[
                    "Menginventarisasi perangkat perekaman KTP-el di "
                    "kecamatan",
                    "Memberi label kode barang pada peralatan kantor",
                    "Mencatat mutasi barang pada aplikasi SIMBADA",
                    ], output=(3, 10))),
        ],
    ("Bidang Pelayanan Pendaftaran Penduduk",
        "Administrator Database Kependudukan Ahli Muda"): [
        rhk(0, "Terjaganya validitas data hasil perekaman biometrik KTP-el",
            iki("Jumlah data perekaman ganda (duplicate record) yang "
                "ditindaklanjuti", 600, "data", acts=[
                    "Menganalisis data perekaman ganda hasil pemadanan "
                    "biometrik",
                    "Menindaklanjuti data anomali perekaman KTP-el",
                    ], output=(2, 6)),
            iki("Persentase data anomali yang diselesaikan", 95, "%",
                'quality', 'manual')),
        ],
    ("Seksi Identitas Penduduk", "Pengadministrasi Kependudukan"): [
        rhk(0, "Terverifikasinya berkas permohonan KTP-el dan KIA sesuai "
            "persyaratan",
            iki("Jumlah berkas permohonan KTP-el dan KIA yang diverifikasi",
                4800, "berkas", acts=_VERIFY_KTP, output=(8, 24)),
            _ERROR_FREE),
        rhk(1, "Terlayaninya permohonan KTP-el di loket pelayanan tepat "
            "waktu",
            iki("Persentase permohonan KTP-el yang ditangani selesai tepat "
                "waktu", 95, "%", 'time', 'service', service='KTP',
                scope='employee')),
        rhk(0, "Terlaksananya sosialisasi administrasi kependudukan di "
            "kelurahan",
            iki("Jumlah kegiatan sosialisasi sebagai narasumber", 4,
                "kegiatan", acts=[
                    "Menjadi narasumber sosialisasi Identitas Kependudukan "
                    "Digital di kantor kelurahan",
                    ], output=(1, 1)), kind='tambahan'),
        ],
    ("Seksi Identitas Penduduk", "Operator Layanan Operasional"): [
        rhk(0, "Terlaksananya perekaman data biometrik KTP-el di loket "
            "pelayanan",
            iki("Jumlah penduduk yang direkam data biometriknya", 3600,
                "orang", acts=[
                    "Merekam sidik jari, iris dan foto pemohon KTP-el",
                    "Merekam data biometrik pemohon KTP-el pemula",
                    ("Merekam KTP-el jemput bola di sekolah bagi pemilih "
                        "pemula", KTP_LINE, (150000, 300000)),
                    ], output=(10, 30)),
            iki("Persentase perekaman yang lolos verifikasi biometrik", 98,
                "%", 'quality', 'manual')),
        ],
    ("Seksi Identitas Penduduk", "Pengolah Data dan Informasi"): [
        rhk(0, "Tersedianya data pencetakan KTP-el dan KIA yang mutakhir",
            iki("Jumlah data pencetakan KTP-el dan KIA yang diolah", 2400,
                "data", acts=[
                    "Mengolah data antrean cetak KTP-el",
                    "Merekap KTP-el dan KIA yang telah dicetak dan "
                    "diserahkan",
                    "Menyusun laporan harian pencetakan KTP-el",
                    ], output=(8, 20))),
        ],
    ("Seksi Identitas Penduduk", "Penata Layanan Operasional"): [
        rhk(0, "Terlaksananya pencetakan KTP-el dan KIA",
            iki("Jumlah keping KTP-el dan KIA yang dicetak", 6000, "keping",
                acts=[
                    "Mencetak KTP-el yang telah berstatus siap cetak",
                    "Mencetak KIA bagi anak usia 0-17 tahun",
                    "Memeriksa hasil cetak dan mencatat blanko rusak",
                    ], output=(15, 40)),
            iki("Persentase blanko KTP-el yang rusak saat pencetakan", 2,
                "%", 'quality', 'manual', direction='lower')),
        ],
    ("Seksi Pindah Datang dan Pendataan Penduduk",
        "Pengadministrasi Kependudukan"): [
        rhk(0, "Terlayaninya permohonan pindah datang penduduk sesuai "
            "standar pelayanan",
            iki("Jumlah permohonan SKPWNI dan kedatangan yang diproses", 2400,
                "berkas", acts=[
                    "Memverifikasi berkas permohonan Surat Keterangan Pindah "
                    "WNI",
                    "Memproses permohonan kedatangan penduduk dari luar "
                    "kota",
                    "Memproses perubahan KK akibat pindah datang",
                    ], output=(6, 18)),
            iki("Persentase permohonan pindah datang yang ditangani selesai "
                "tepat waktu", 95, "%", 'time', 'service', service='PINDAH',
                scope='employee')),
        ],
    ("Seksi Pindah Datang dan Pendataan Penduduk",
        "Pengolah Data dan Informasi"): [
        rhk(0, "Termutakhirnya data kartu keluarga hasil pindah datang",
            iki("Jumlah kartu keluarga yang diterbitkan akibat perubahan "
                "data", 2000, "dokumen", acts=[
                    "Menginput perubahan elemen data kartu keluarga",
                    "Mencetak kartu keluarga hasil pindah datang",
                    ], output=(6, 16))),
        ],
    ("Seksi Pindah Datang dan Pendataan Penduduk",
        "Operator Layanan Operasional"): [
        rhk(0, "Terlaksananya penerimaan berkas layanan pendaftaran "
            "penduduk",
            iki("Jumlah berkas layanan yang diterima dan dicatat", 3000,
                "berkas", acts=[
                    "Menerima dan mencatat berkas permohonan di loket",
                    "Memberikan nomor antrean dan informasi persyaratan",
                    ], output=(10, 25))),
        ],
    ("Seksi Kelahiran dan Kematian", "Pengadministrasi Kependudukan"): [
        rhk(0, "Terverifikasinya berkas permohonan akta kelahiran dan akta "
            "kematian",
            iki("Jumlah berkas akta kelahiran dan akta kematian yang "
                "diverifikasi", 3000, "berkas", acts=[
                    "Memverifikasi berkas permohonan akta kelahiran",
                    "Memverifikasi berkas permohonan akta kematian",
                    ("Melayani pencatatan kelahiran jemput bola di rumah "
                        "sakit bersalin", CAPIL_LINE, (150000, 350000)),
                    ], output=(6, 18)),
            iki("Persentase akta yang diterbitkan tanpa kesalahan", 100, "%",
                'quality', 'manual', maximum=True)),
        ],
    ("Seksi Kelahiran dan Kematian", "Pengolah Data dan Informasi"): [
        rhk(0, "Tersedianya data register akta yang mutakhir",
            iki("Jumlah data register akta yang dientri", 3600, "data",
                acts=[
                    "Mengentri data register akta kelahiran",
                    "Mengentri data register akta kematian",
                    ], output=(10, 25))),
        ],
    ("Seksi Kelahiran dan Kematian", "Operator Layanan Operasional"): [
        rhk(0, "Terlaksananya pencetakan dan penyerahan akta",
            iki("Jumlah akta yang dicetak dan diserahkan", 3000, "lembar",
                acts=[
                    "Mencetak akta kelahiran dan akta kematian",
                    "Menyerahkan akta kepada pemohon dan mencatat tanda "
                    "terima",
                    ], output=(8, 20))),
        ],
    ("Seksi Perkawinan, Perceraian, dan Perubahan Status Anak",
        "Pengadministrasi Kependudukan"): [
        rhk(0, "Terverifikasinya berkas pencatatan perkawinan dan perceraian",
            iki("Jumlah berkas perkawinan, perceraian dan pengakuan anak "
                "yang diverifikasi", 720, "berkas", acts=[
                    "Memverifikasi berkas pencatatan perkawinan non-muslim",
                    "Memverifikasi berkas pencatatan perceraian dari "
                    "pengadilan negeri",
                    "Memverifikasi berkas pengakuan dan pengesahan anak",
                    ], output=(2, 6))),
        ],
    ("Seksi Perkawinan, Perceraian, dan Perubahan Status Anak",
        "Pengolah Data dan Informasi"): [
        rhk(0, "Tersedianya data pencatatan perkawinan dan perceraian yang "
            "mutakhir",
            iki("Jumlah data perkawinan dan perceraian yang dimutakhirkan",
                720, "data", acts=[
                    "Memutakhirkan data status perkawinan pada database "
                    "kependudukan",
                    "Menyusun rekap bulanan pencatatan perkawinan dan "
                    "perceraian",
                    ], output=(2, 8))),
        ],
    ("Seksi Sistem Informasi Administrasi Kependudukan", None): [
        rhk(0, "Terpeliharanya perangkat keras, jaringan dan aplikasi SIAK",
            iki("Jumlah gangguan perangkat dan jaringan yang ditangani", 300,
                "gangguan", acts=[
                    "Menangani gangguan jaringan VPN SIAK di kantor "
                    "kecamatan",
                    "Memelihara server dan perangkat perekaman KTP-el",
                    ("Memperbaiki perangkat perekaman KTP-el di kecamatan",
                        SIAK_LINE, (200000, 500000)),
                    "Memasang pembaruan aplikasi SIAK Terpusat",
                    ], output=(1, 3)),
            iki("Persentase gangguan yang selesai dalam 1 hari kerja", 90,
                "%", 'time', 'manual')),
        ],
    ("Seksi Pengolahan dan Penyajian Data Kependudukan",
        "Statistisi Ahli Pertama"): [
        rhk(0, "Tersusunnya analisis statistik data kependudukan",
            iki("Jumlah tabel statistik kependudukan yang disusun", 120,
                "tabel", acts=[
                    "Menyusun tabel statistik penduduk menurut kelompok umur",
                    "Menganalisis data mobilitas penduduk per kecamatan",
                    ], output=(1, 3))),
        ],
    ("Seksi Pengolahan dan Penyajian Data Kependudukan",
        "Pengolah Data dan Informasi"): [
        rhk(0, "Terolahnya data kependudukan per kecamatan dan kelurahan",
            iki("Jumlah laporan data kependudukan per kelurahan yang diolah",
                306, "laporan", acts=[
                    "Mengolah data agregat kependudukan per kelurahan",
                    ("Memvalidasi data kependudukan bersama operator "
                        "kelurahan", DATA_LINE, (100000, 250000)),
                    ], output=(1, 4))),
        ],
    ("Bidang Pemanfaatan Data dan Inovasi Pelayanan",
        "Administrator Database Kependudukan Ahli Muda"): [
        rhk(1, "Terlaksananya pemberian hak akses data kependudukan kepada "
            "lembaga pengguna",
            iki("Jumlah lembaga pengguna yang diberi hak akses", 10,
                "lembaga", acts=[
                    "Memverifikasi permohonan hak akses data dari lembaga "
                    "pengguna",
                    "Mengonfigurasi hak akses web service data kependudukan",
                    ], output=(0, 1))),
        ],
    ("Bidang Pemanfaatan Data dan Inovasi Pelayanan",
        "Pranata Komputer Ahli Muda"): [
        rhk(0, "Terkembangkannya aplikasi layanan administrasi kependudukan "
            "daring",
            iki("Jumlah modul aplikasi layanan daring yang dikembangkan", 4,
                "modul", acts=[
                    "Mengembangkan modul pengajuan akta kelahiran daring",
                    "Menguji aplikasi layanan daring bersama operator",
                    ], output=(0, 1))),
        ],
    ("Bidang Pemanfaatan Data dan Inovasi Pelayanan",
        "Penata Layanan Operasional"): [
        rhk(0, "Terlaksananya layanan administrasi kependudukan daring",
            iki("Jumlah permohonan layanan daring yang diproses", 1200,
                "permohonan", acts=[
                    "Memproses permohonan layanan daring yang masuk",
                    "Menjawab pertanyaan pemohon layanan daring",
                    ], output=(3, 10))),
        ],
    }

# The other OPDs: the heads of sections and divisions by position type,
# the staff by a keyword of the position ('{unit}', '{position}' are
# replaced); the first match wins.
GENERIC_HEADS = {
    'administrator': [
        rhk(0, "Terlaksananya program dan kegiatan {unit} sesuai rencana "
            "kerja",
            iki("Persentase kegiatan {unit} yang terlaksana sesuai jadwal",
                100, "%", 'time', 'manual', maximum=True)),
        rhk(1, "Meningkatnya kualitas layanan dan tata kelola {unit}",
            iki("Persentase rekomendasi perbaikan layanan {unit} yang "
                "ditindaklanjuti", 90, "%", 'quality', 'manual')),
        ],
    'pengawas': [
        rhk(0, "Terlaksananya kegiatan {unit} tepat waktu dan sesuai "
            "ketentuan",
            iki("Persentase kegiatan {unit} yang dilaporkan tepat waktu", 100,
                "%", 'time', 'manual', maximum=True)),
        ],
    'fungsional': [
        rhk(0, "Terwujudnya pembelajaran yang bermutu di {unit}",
            iki("Persentase peserta didik yang naik kelas atau lulus", 98,
                "%", 'quality', 'manual')),
        ],
    }
GENERIC_HEADS['jpt_pratama'] = GENERIC_HEADS['administrator']
GENERIC_STAFF = [
    ("Guru", rhk(0, "Terlaksananya pembelajaran yang berkualitas bagi "
            "peserta didik",
            iki("Jumlah jam tatap muka pembelajaran yang dilaksanakan", 864,
                "jam"),
            iki("Persentase peserta didik yang mencapai kriteria "
                "ketercapaian tujuan pembelajaran", 85, "%", 'quality',
                'manual'))),
    ("Pengawas Sekolah", rhk(0, "Terlaksananya pendampingan mutu satuan "
            "pendidikan binaan",
            iki("Jumlah sekolah binaan yang didampingi", 10, "sekolah"))),
    ("Dokter Gigi", rhk(0, "Terlaksananya pelayanan kesehatan gigi dan mulut",
            iki("Jumlah pasien gigi dan mulut yang dilayani", 1500,
                "pasien"))),
    ("Dokter", rhk(0, "Terlaksananya pelayanan medis kepada pasien puskesmas",
            iki("Jumlah pasien yang mendapatkan pelayanan medis", 3000,
                "pasien"))),
    ("Perawat", rhk(0, "Terlaksananya asuhan keperawatan kepada pasien",
            iki("Jumlah pasien yang mendapatkan asuhan keperawatan", 1200,
                "pasien"))),
    ("Bidan", rhk(0, "Terlaksananya pelayanan kebidanan ibu hamil, bersalin "
            "dan nifas",
            iki("Jumlah ibu hamil yang mendapat pelayanan antenatal sesuai "
                "standar", 240, "orang"))),
    ("Apoteker", rhk(0, "Terlaksananya pelayanan kefarmasian di {unit}",
            iki("Jumlah resep yang dilayani", 6000, "resep"))),
    ("Nutrisionis", rhk(0, "Terlaksananya pelayanan gizi masyarakat",
            iki("Jumlah balita gizi kurang yang mendapat konseling gizi",
                120, "balita"))),
    ("Sanitarian", rhk(0, "Terlaksananya inspeksi kesehatan lingkungan",
            iki("Jumlah tempat umum yang diinspeksi", 60, "lokasi"))),
    ("Pranata Laboratorium", rhk(0, "Terlaksananya pemeriksaan laboratorium "
            "kesehatan",
            iki("Jumlah sampel laboratorium yang diperiksa", 2400,
                "sampel"))),
    ("Epidemiolog", rhk(0, "Terlaksananya surveilans penyakit menular",
            iki("Jumlah laporan penyelidikan epidemiologi yang disusun", 24,
                "laporan"))),
    ("Entomolog", rhk(0, "Terlaksananya pengendalian vektor penyakit",
            iki("Jumlah survei jentik yang dilaksanakan", 48, "survei"))),
    ("Penyuluh Kesehatan", rhk(0, "Terlaksananya promosi kesehatan "
            "masyarakat",
            iki("Jumlah kegiatan penyuluhan kesehatan yang dilaksanakan", 48,
                "kegiatan"))),
    ("Administrator Kesehatan", rhk(0, "Terkelolanya administrasi pelayanan "
            "kesehatan",
            iki("Jumlah dokumen perizinan fasilitas kesehatan yang diproses",
                120, "dokumen"))),
    ("Auditor", rhk(0, "Terlaksananya pengawasan atas penyelenggaraan "
            "pemerintahan daerah",
            iki("Jumlah laporan hasil pengawasan yang diselesaikan", 12,
                "laporan"))),
    ("Pengawas Penyelenggaraan", rhk(0, "Terlaksananya pengawasan "
            "penyelenggaraan urusan pemerintahan di daerah",
            iki("Jumlah laporan hasil pengawasan yang diselesaikan", 10,
                "laporan"))),
    ("Sumber Daya Manusia", rhk(0, "Tersusunnya analisis dan pengelolaan "
            "data SDM aparatur",
            iki("Jumlah dokumen analisis SDM aparatur yang diselesaikan", 24,
                "dokumen"))),
    ("Analis Kebijakan", rhk(0, "Tersusunnya rekomendasi kebijakan",
            iki("Jumlah rekomendasi kebijakan yang disusun", 4,
                "rekomendasi"))),
    ("Perencana", rhk(0, "Tersusunnya dokumen perencanaan dan evaluasi "
            "pembangunan",
            iki("Jumlah dokumen perencanaan yang disusun", 6, "dokumen"))),
    ("Pranata Komputer", rhk(0, "Terkelolanya sistem informasi dan jaringan "
            "{unit}",
            iki("Jumlah permintaan dukungan teknologi informasi yang "
                "diselesaikan", 300, "tiket"))),
    ("Pranata Hubungan Masyarakat", rhk(0, "Tersebarluasnya informasi "
            "program Pemerintah Kota Makassar",
            iki("Jumlah konten informasi publik yang dipublikasikan", 240,
                "konten"))),
    ("Sandiman", rhk(0, "Terjaminnya keamanan informasi persandian",
            iki("Jumlah layanan persandian yang dilaksanakan", 120,
                "layanan"))),
    ("Statistisi", rhk(0, "Tersedianya data statistik sektoral",
            iki("Jumlah publikasi data statistik sektoral", 12,
                "publikasi"))),
    ("Arsiparis", rhk(0, "Terkelolanya arsip dinamis {unit}",
            iki("Jumlah berkas arsip yang ditata", 1200, "berkas"))),
    ("Pengadministrasi Perkantoran", rhk(0, "Terlaksananya administrasi "
            "persuratan dan kearsipan {unit}",
            iki("Jumlah surat masuk dan keluar yang diadministrasikan", 1200,
                "surat"))),
    ("Pengolah Data", rhk(0, "Tersedianya data dan informasi {unit} yang "
            "mutakhir",
            iki("Jumlah data yang diolah dan dimutakhirkan", 1200, "data"))),
    ("Operator Layanan", rhk(0, "Terlaksananya layanan operasional {unit}",
            iki("Jumlah layanan operasional yang dilaksanakan", 480,
                "layanan"))),
    ("Penata Layanan", rhk(0, "Terlaksananya penataan layanan operasional "
            "{unit}",
            iki("Jumlah laporan layanan operasional yang disusun", 12,
                "laporan"))),
    ("Pengelola Barang", rhk(0, "Tertatanya administrasi barang milik daerah "
            "{unit}",
            iki("Jumlah barang milik daerah yang diinventarisasi", 300,
                "barang"))),
    ("Analis Keuangan", rhk(0, "Tersusunnya laporan keuangan {unit}",
            iki("Jumlah laporan keuangan yang disusun tepat waktu", 14,
                "laporan"))),
    ("Administrator Database Kependudukan", rhk(0, "Terkelolanya database "
            "kependudukan",
            iki("Jumlah laporan kualitas database yang disusun", 12,
                "laporan"))),
    ]
GENERIC_STAFF_DEFAULT = rhk(0, "Terlaksananya tugas jabatan {position} di "
    "{unit}",
    iki("Jumlah laporan pelaksanaan tugas yang diselesaikan", 12, "laporan"))

# Daily activities of the heads, on their own indicators ('{unit}').
HEAD_ACTIVITIES = [
    "Memimpin rapat koordinasi {unit}",
    "Memeriksa dan memaraf konsep naskah dinas",
    "Memantau capaian layanan {unit} dan memberi arahan",
    "Memverifikasi aktivitas harian pegawai di SKP-ASN",
    "Menyusun laporan capaian kinerja bulanan {unit}",
    "Melaksanakan dialog kinerja dengan pegawai",
    ]
# Tasks outside the SKP (tugas tambahan).
ADDITIONAL_ACTIVITIES = [
    "Mengikuti rapat koordinasi di Balai Kota Makassar",
    "Mengikuti bimbingan teknis aplikasi SIAK Terpusat",
    "Menjadi petugas piket layanan pengaduan",
    "Mengikuti sosialisasi pengelolaan kinerja dari BKPSDM",
    "Mendampingi kunjungan kerja Ditjen Dukcapil Kemendagri",
    ]
# The heads of these units verify activities late (after the deadline).
SLOW_VERIFIERS = [
    "Seksi Perkawinan, Perceraian, dan Perubahan Status Anak",
    "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
    ]
REJECT_REASONS = [
    "Uraian kegiatan terlalu umum; sebutkan jumlah berkas yang diproses.",
    "Jam kegiatan bertabrakan dengan jadwal rapat; mohon disesuaikan.",
    "Output tidak sesuai dengan IKI yang dipilih.",
    "Bukti dukung belum dilampirkan.",
    ]

# Ekspektasi khusus pimpinan per core value (DOMAIN §1.4), for staff and for
# leaders of a team.
EXPECTATIONS = {
    'staff': {
        'pelayanan': "Melayani pemohon dengan ramah dan menyelesaikan berkas "
        "sesuai standar waktu pelayanan",
        'akuntabel': "Mencatat aktivitas harian dengan jujur setiap hari "
        "kerja, disertai bukti dukung",
        'kompeten': "Mengikuti paling sedikit satu bimbingan teknis "
        "administrasi kependudukan dalam setahun",
        'harmonis': "Membantu rekan kerja saat antrean pelayanan tinggi",
        'loyal': "Menjaga kerahasiaan data pribadi penduduk",
        'adaptif': "Menerapkan layanan daring dan Identitas Kependudukan "
        "Digital",
        'kolaboratif': "Berkoordinasi dengan kelurahan dan kecamatan dalam "
        "layanan jemput bola",
        },
    'leader': {
        'pelayanan': "Memastikan standar pelayanan dipatuhi dan pengaduan "
        "ditindaklanjuti dalam 3 hari kerja",
        'akuntabel': "Memverifikasi aktivitas harian pegawai paling lambat 3 "
        "hari setelah diajukan",
        'kompeten': "Membimbing pegawai baru sampai mampu melayani mandiri",
        'harmonis': "Menjaga suasana kerja yang kondusif di unit kerja",
        'loyal': "Menjaga nama baik instansi dalam setiap layanan",
        'adaptif': "Mendorong inovasi pelayanan di unit kerja",
        'kolaboratif': "Membangun kerja sama dengan perangkat daerah dan "
        "lembaga pengguna data",
        },
    }
SKP_ANNEX = {
    'resource_support': "Perangkat perekaman KTP-el, akses SIAK Terpusat, "
    "blanko KTP-el dan KIA sesuai kebutuhan, bimbingan teknis dari Ditjen "
    "Dukcapil.",
    'accountability': "Aktivitas harian dicatat setiap hari kerja dan "
    "diverifikasi atasan; capaian dilaporkan setiap triwulan dalam evaluasi "
    "kinerja periodik.",
    'consequences': "Capaian di atas ekspektasi menjadi dasar penghargaan "
    "dan pengembangan karier; capaian di bawah ekspektasi ditindaklanjuti "
    "dengan pembinaan dan rencana pengembangan.",
    }


# DOMAIN §6: example targets, to be replaced by Disdukcapil Makassar's own
# standar pelayanan (example=True).
SERVICE_REFERENCE = ("Contoh - ganti dengan Keputusan Kepala Disdukcapil "
    "Kota Makassar tentang Standar Pelayanan")


def service(code, name, duration, unit, section, daily, late_share):
    """A service type, the section that serves it, the requests a working
    day and the share finished late."""
    return {'code': code, 'name': name, 'duration': duration, 'unit': unit,
        'section': section, 'daily': daily, 'late_share': late_share}


SERVICES = [
    service('KTP', "Penerbitan KTP-el", 60, 'minutes',
        "Seksi Identitas Penduduk", 6, 0.10),
    service('KIA', "Penerbitan Kartu Identitas Anak (KIA)", 1, 'hours',
        "Seksi Identitas Penduduk", 2, 0.06),
    service('KK', "Penerbitan Kartu Keluarga", 1, 'working_days',
        "Seksi Pindah Datang dan Pendataan Penduduk", 3, 0.08),
    service('PINDAH', "Surat Keterangan Pindah dan Kedatangan", 1,
        'working_days', "Seksi Pindah Datang dan Pendataan Penduduk", 2,
        0.12),
    service('AKL', "Penerbitan Akta Kelahiran", 1, 'working_days',
        "Seksi Kelahiran dan Kematian", 3, 0.07),
    service('AKM', "Penerbitan Akta Kematian", 1, 'working_days',
        "Seksi Kelahiran dan Kematian", 1, 0.05),
    ]


def line(code, name, program, activity, budget, absorption):
    """A DPA sub-kegiatan with its pagu (Rp) and the share realised by the
    end of November."""
    return {'code': code, 'name': name, 'program': program,
        'activity': activity, 'budget': budget, 'absorption': absorption}


# Codes follow the nomenclature of Kepmendagri 050-5889/2021; pagu amounts
# are made up.
_DUKCAPIL_SUPPORT = ('2.12.01', "Program Penunjang Urusan Pemerintahan "
    "Daerah Kabupaten/Kota")
_DINKES_SUPPORT = ('1.02.01', "Program Penunjang Urusan Pemerintahan Daerah "
    "Kabupaten/Kota")
_DINKES_UKM = ('1.02.02', "Program Pemenuhan Upaya Kesehatan Perorangan dan "
    "Upaya Kesehatan Masyarakat")
BUDGET_LINES = {
    DUKCAPIL: [
        line('2.12.01.2.01.0001', "Penyusunan Dokumen Perencanaan Perangkat "
            "Daerah", _DUKCAPIL_SUPPORT, ('2.12.01.2.01', "Perencanaan, "
                "Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
            85000000, 0.72),
        line('2.12.01.2.02.0001', "Penyediaan Gaji dan Tunjangan ASN",
            _DUKCAPIL_SUPPORT, ('2.12.01.2.02', "Administrasi Keuangan "
                "Perangkat Daerah"), 9240000000, 0.91),
        line('2.12.01.2.06.0002', "Penyediaan Peralatan dan Perlengkapan "
            "Kantor", _DUKCAPIL_SUPPORT, ('2.12.01.2.06', "Administrasi Umum "
                "Perangkat Daerah"), 420000000, 0.64),
        line(KTP_LINE, "Penerbitan Dokumen Identitas Penduduk (KTP-el dan "
            "KIA)", ('2.12.02', "Program Pendaftaran Penduduk"),
            ('2.12.02.2.01', "Pelayanan Pendaftaran Penduduk"), 1250000000,
            0.78),
        line(PINDAH_LINE, "Pelayanan Pindah Datang dan Penerbitan Kartu "
            "Keluarga", ('2.12.02', "Program Pendaftaran Penduduk"),
            ('2.12.02.2.02', "Penataan Pendaftaran Penduduk"), 350000000,
            0.69),
        line(CAPIL_LINE, "Pelayanan Pencatatan Sipil", ('2.12.03',
                "Program Pencatatan Sipil"), ('2.12.03.2.01', "Pelayanan "
                "Pencatatan Sipil"), 780000000, 0.74),
        line(DATA_LINE, "Pengumpulan, Pengolahan dan Penyajian Data "
            "Kependudukan", ('2.12.04', "Program Pengelolaan Informasi "
                "Administrasi Kependudukan"), ('2.12.04.2.01',
                "Penyelenggaraan Pengelolaan Informasi Administrasi "
                "Kependudukan"), 540000000,
            0.66),
        line(SIAK_LINE, "Pemeliharaan Perangkat SIAK dan Jaringan "
            "Komunikasi Data", ('2.12.04', "Program Pengelolaan Informasi "
                "Administrasi Kependudukan"), ('2.12.04.2.02', "Penyediaan "
                "Sarana dan Prasarana SIAK"), 1100000000, 0.71),
        ],
    "Dinas Kesehatan": [
        line('1.02.01.2.02.0001', "Penyediaan Gaji dan Tunjangan ASN",
            _DINKES_SUPPORT, ('1.02.01.2.02', "Administrasi Keuangan "
                "Perangkat Daerah"), 14500000000, 0.90),
        line('1.02.02.2.02.0001', "Pengelolaan Pelayanan Kesehatan Ibu "
            "Hamil", _DINKES_UKM, ('1.02.02.2.02', "Penyediaan Layanan "
                "Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota"), 650000000, 0.76),
        line('1.02.02.2.02.0003', "Pengelolaan Pelayanan Kesehatan Bayi "
            "Baru Lahir", _DINKES_UKM, ('1.02.02.2.02', "Penyediaan Layanan "
                "Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota"), 420000000, 0.70),
        line('1.02.02.2.02.0004', "Pengelolaan Pelayanan Kesehatan Balita",
            _DINKES_UKM, ('1.02.02.2.02', "Penyediaan Layanan Kesehatan "
                "untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota"),
            480000000, 0.81),
        line('1.02.02.2.02.0013', "Pengelolaan Pelayanan Kesehatan Orang "
            "Terduga Tuberkulosis", _DINKES_UKM, ('1.02.02.2.02',
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan "
                "Tingkat Daerah Kabupaten/Kota"), 390000000, 0.63),
        line('1.02.02.2.02.0017', "Pengelolaan Surveilans Kesehatan",
            _DINKES_UKM, ('1.02.02.2.02', "Penyediaan Layanan Kesehatan "
                "untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota"),
            310000000, 0.58),
        ],
    }

# Periodic evaluation: the Pejabat Penilai whose people are delivered
# (by their unit), the predikats among them and the organisation's basis.
DELIVERED_APPRAISERS = [
    "Sekretariat Daerah", DUKCAPIL, "Sekretariat Disdukcapil",
    "Subbagian Umum dan Kepegawaian Disdukcapil",
    "Bidang Pelayanan Pendaftaran Penduduk", "Seksi Identitas Penduduk",
    ]
ORG_PREDIKAT_NOTE = (
    "Capaian Perjanjian Kinerja triwulan III: kepemilikan KTP-el 98,2 % "
    "(target 98 %), dokumen kependudukan selesai tepat waktu 95,8 % "
    "(target 95 %), kepemilikan akta kelahiran 96,4 % (target 97 %). "
    "Rencana aksi berjalan sesuai jadwal.")
EXPLANATIONS = {
    'budget': ('process', "Penyerapan anggaran menumpuk pada triwulan IV "
        "karena jadwal pengadaan dan pembayaran kontrak",
        "Mempercepat proses pengadaan dan pembayaran pada triwulan IV"),
    'manual': ('resources', "Keterbatasan blanko dan gangguan jaringan SIAK "
        "pada bulan Agustus",
        "Mengajukan tambahan blanko dan menambah layanan jemput bola"),
    }
REALISATION_NOTE = ("Rekap laporan bulanan Juli-September yang ditandatangani "
    "atasan langsung")
RESULT_FEEDBACK = [
    "Hasil kerja sesuai ekspektasi; pertahankan ketepatan waktu layanan.",
    "Capaian baik; dokumentasikan bukti dukung setiap minggu.",
    "Tingkatkan koordinasi dengan loket lain saat antrean tinggi.",
    ]
BEHAVIOUR_FEEDBACK = [
    "Menunjukkan perilaku sesuai ekspektasi.",
    "Konsisten dan dapat diandalkan oleh rekan kerja.",
    ]
EVALUATION_NOTES = {
    'sangat_baik': "Kinerja di atas ekspektasi; diusulkan sebagai pegawai "
    "teladan triwulan ini.",
    'baik': "Kinerja sesuai ekspektasi; lanjutkan.",
    'butuh_perbaikan': "Capaian di bawah ekspektasi; disepakati rencana "
    "perbaikan dan pendampingan pada triwulan IV.",
    }
