"""Generate a city-scale SKP-ASN database on PostgreSQL for the benchmarks.

Creates (or reuses) the database, activates skp_asn and skp_reports with
trytond-admin, then fills it, deterministically (seeded), with:

- the unit tree of a city: the government, ~40 OPD with a secretariat and
  bidang, each with seksi, UPT (schools, puskesmas), 15 kecamatan with
  their seksi and ~150 kelurahan;
- 25,000 employees with valid unique NIPs, each unit's head set and every
  employee's supervisor the head of their unit (or of the unit above):
  chains of 4-5 people from the Sekda down;
- the performance period of the month's year and the Perjanjian Kinerja
  targets of the government, OPD and kecamatan;
- one approved SKP per employee with 2 RHK of 2 IKI each: every RHK utama
  intervenes in an RHK of the supervisor's SKP, the heads of OPD and
  kecamatan (and the Sekda) take up an organisation target;
- budget lines per OPD linked to the IKI of its heads, the realisation of
  the verified activities spent on them;
- one month of daily activities, about 4 per working day per employee
  (~2 million rows for 25,000 employees), submitted, verified, rejected or
  waiting as a past month is;
- 100,000 service requests of that month at the population-service units.

Master data, SKP, budget lines and realisations go through the ORM
(`Model.create` in chunks, inside one trytond Transaction with the company
in the context), so the model rules hold: NIP checks, the RHK cascade check,
SKP overlap, pagu checks. The approval writes what `SKP.approve` writes
(state, approved_by, approved_date, late, signatories) as of a day in
January, because the workflow stamps today's date.

Activities and service requests are inserted with PostgreSQL COPY through
the same transaction's connection, because creating 2 million activities
through validation (overlap, IKI and period checks per record) would take
hours. Every stored column the ORM would compute is computed here with the
product's own functions: minutes (`Activity.compute_minutes`), state,
submitted_at, verified_at, verified_by (the Pejabat Penilai from
`Employee.get_appraisers`), verification_hours and verified_on_time (as
`Activity._decide` does), evidence_hashes; turnaround and on_time of the
requests (`ServiceRequest.compute_turnaround`).

The activated empty database is kept as a template (`skp_bench_template`,
marked with a hash of the module sources) so that later runs copy it in
seconds instead of activating the modules again. Database names must start
with `skp_bench`; nothing else is touched.

    PYTHONOPTIMIZE=1 python benchmarks/generate.py              # city scale
    PYTHONOPTIMIZE=1 python benchmarks/generate.py --scale 0.02 \\
        --database skp_bench_small                              # 500 employees

Run with PYTHONOPTIMIZE=1: asserts make big ORM creates quadratic.
"""
import argparse
import datetime as dt
import hashlib
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODULES = ['skp_asn', 'skp_reports']
TEMPLATE = 'skp_bench_template'
DEFAULT_URI = 'postgresql://skp:skp@127.0.0.1:5432/'
CITY_EMPLOYEES = 25000
CITY_REQUESTS = 100000
CHUNK = 1000
COMPANY_NAME = "Pemerintah Kota Makassar"
TIMEZONE = 'Asia/Makassar'

OPD_NAMES = [
    "Dinas Pendidikan", "Dinas Kesehatan",
    "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Sosial",
    "Dinas Pekerjaan Umum", "Dinas Penataan Ruang", "Dinas Perhubungan",
    "Dinas Lingkungan Hidup", "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Pemadam Kebakaran", "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Ketahanan Pangan", "Dinas Pertanian dan Perikanan",
    "Dinas Koperasi dan UKM", "Dinas Perdagangan", "Dinas Perindustrian",
    "Dinas Penanaman Modal dan PTSP", "Dinas Pariwisata",
    "Dinas Kebudayaan", "Dinas Pemuda dan Olahraga",
    "Dinas Perpustakaan", "Dinas Kearsipan",
    "Dinas Komunikasi dan Informatika", "Dinas Pertanahan",
    "Satuan Polisi Pamong Praja", "Sekretariat Daerah",
    "Sekretariat DPRD", "Inspektorat", "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan Daerah", "Badan Pendapatan Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik", "Rumah Sakit Umum Daerah",
    "Badan Riset dan Inovasi Daerah", "Bagian Pengadaan Barang dan Jasa",
    "Dinas Perikanan dan Kelautan",
    ]
KECAMATAN_NAMES = [
    "Mariso", "Mamajang", "Tamalate", "Rappocini", "Makassar",
    "Ujung Pandang", "Wajo", "Bontoala", "Ujung Tanah",
    "Kepulauan Sangkarrang", "Tallo", "Panakkukang", "Manggala",
    "Biringkanaya", "Tamalanrea",
    ]
MALE_NAMES = ["Muhammad", "Andi", "Ahmad", "Syamsul", "Abdul", "Rahman",
    "Hasanuddin", "Irfan", "Arief", "Fadli", "Ilham", "Akbar", "Rizal",
    "Yusuf", "Hamzah", "Ridwan", "Asri", "Jufri", "Nasrullah", "Syahrir"]
FEMALE_NAMES = ["Nurhayati", "Sitti", "Andi", "Hasnah", "Rahmawati",
    "Nurul", "Fitriani", "Kartini", "Rosmiati", "Hajrah", "Jumriah",
    "Irawati", "Sri", "Wahyuni", "Nurdiana", "Asmawati", "Suriani",
    "Halimah", "Mardiana", "Ernawati"]
FAMILY_NAMES = ["Daeng Nai", "Daeng Tompo", "Pabbicara", "Mappangara",
    "Tahir", "Latief", "Baso", "Sultan", "Amir", "Rauf", "Salam", "Karim",
    "Makkulau", "Mattalitti", "Pallawa", "Nompo", "Patta", "Sila", "Rapi",
    "Bunga"]
# (position type, functional level or None, position) of staff per kind
# of unit, with weights.
STAFF_PROFILES = {
    'school': [
        (60, 'fungsional', 'ahli_pertama', "Guru Ahli Pertama"),
        (15, 'fungsional', 'ahli_muda', "Guru Ahli Muda"),
        (7, 'fungsional', 'ahli_madya', "Guru Ahli Madya"),
        (18, 'pelaksana', None, "Pengadministrasi Perkantoran"),
        ],
    'health': [
        (25, 'fungsional', 'terampil', "Perawat Terampil"),
        (15, 'fungsional', 'mahir', "Bidan Mahir"),
        (15, 'fungsional', 'ahli_pertama', "Dokter Ahli Pertama"),
        (45, 'pelaksana', None, "Pengolah Data dan Informasi"),
        ],
    'office': [
        (30, 'pelaksana', None, "Pengadministrasi Perkantoran"),
        (20, 'pelaksana', None, "Penata Layanan Operasional"),
        (15, 'pelaksana', None, "Pengolah Data dan Informasi"),
        (10, 'pelaksana', None, "Operator Layanan Operasional"),
        (15, 'fungsional', 'ahli_pertama', "Analis Kebijakan Ahli Pertama"),
        (10, 'fungsional', 'terampil', "Pranata Komputer Terampil"),
        ],
    }
# Share of the staff (employees who head nothing) per kind of unit.
STAFF_SHARES = {'section': 0.35, 'school': 0.45, 'health': 0.10,
    'village': 0.08, 'district_section': 0.02}
PNS_RANK_RANGES = {
    'jpt_pratama': ['IV/c', 'IV/d'],
    'administrator': ['IV/a', 'IV/b'],
    'pengawas': ['III/c', 'III/d'],
    'ahli_madya': ['IV/a', 'IV/b', 'IV/c'],
    'ahli_muda': ['III/c', 'III/d'],
    'ahli_pertama': ['III/a', 'III/b'],
    'mahir': ['III/a', 'III/b'],
    'terampil': ['II/c', 'II/d'],
    'pelaksana': ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'],
    }
PPPK_RANKS = ['V', 'VII', 'IX', 'X', 'XI']
ACTIVITY_TEXTS = [
    "Menyusun laporan {}", "Memeriksa dokumen {}", "Mengolah data {}",
    "Rapat koordinasi {}", "Melayani masyarakat terkait {}",
    "Memverifikasi berkas {}", "Menyiapkan bahan {}",
    "Menginput data {} ke aplikasi", "Monitoring dan evaluasi {}",
    "Menyusun konsep surat {}",
    ]
ADDITIONAL_TEXTS = ["Apel pagi dan pembinaan pegawai",
    "Mengikuti sosialisasi aplikasi", "Kerja bakti lingkungan kantor",
    "Menghadiri upacara hari besar nasional"]
REJECT_REASONS = ["Bukti dukung tidak sesuai dengan uraian kegiatan.",
    "Uraian terlalu umum, mohon dirinci hasilnya."]
SERVICES = [
    # code, name, target, unit, share of the requests
    ('KTP', "Penerbitan KTP-el", 60, 'minutes', 0.30),
    ('KIA', "Penerbitan Kartu Identitas Anak (KIA)", 1, 'hours', 0.10),
    ('KK', "Penerbitan Kartu Keluarga", 1, 'working_days', 0.25),
    ('PINDAH', "Surat Keterangan Pindah dan Kedatangan", 1, 'working_days',
        0.10),
    ('AKL', "Penerbitan Akta Kelahiran", 1, 'working_days', 0.18),
    ('AKM', "Penerbitan Akta Kematian", 1, 'working_days', 0.07),
    ]


# Phases and timing

TIMINGS = []


@contextmanager
def phase(title):
    start = time.perf_counter()
    print("%-34s" % (title + ' ...'), end='', flush=True)
    info = {}
    yield info
    seconds = time.perf_counter() - start
    TIMINGS.append((title, seconds, info.get('rows')))
    rows = info.get('rows')
    print("%8.1f s%s" % (seconds,
            '  (%s rows, %.0f/s)' % (format(rows, ','), rows / seconds)
            if rows else ''), flush=True)


# The organisation, as plain data

class Organisation:
    """Units and employees of a city scaled to `employees` people.

    units: dicts (code, name, kind, parent code, head index, group);
    employees: dicts with the employee fields, 'unit' (code),
    'supervisor' (index) and 'depth' (0 for the Sekda)."""

    def __init__(self, employees, seed, as_of):
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.count = employees
        self.scale = employees / CITY_EMPLOYEES
        self.units, self.employees = [], []
        self.nips = set()
        self.sequence = defaultdict(int)
        self.build()

    def scaled(self, count, minimum=1):
        return max(minimum, round(count * self.scale))

    def unit(self, code, name, kind, parent=None, group=None):
        unit = {'code': code, 'name': name, 'kind': kind,
            'parent': parent and parent['code'], 'head': None,
            'group': group, 'parent_unit': parent}
        self.units.append(unit)
        return unit

    def head(self, unit, position_type, position, supervisor, depth):
        index = self.person(unit, position_type, None, position,
            supervisor, depth, status='pns')
        unit['head'] = index
        return index

    def build(self):
        root = self.unit('7371', COMPANY_NAME, 'government')
        sekda = self.head(root, 'jpt_pratama', "Sekretaris Daerah", None, 0)
        opds = [self.opd(i, name, root, sekda) for i, name in enumerate(
                (OPD_NAMES * 2)[:self.scaled(40, 2)], 1)]
        schools = self.scaled(420)
        clinics = self.scaled(47)
        for i in range(schools):
            self.upt(opds[0], 'school', "UPT SPF SD Negeri %d" % (i + 1), i)
        for i in range(clinics):
            self.upt(opds[1 % len(opds)], 'health',
                "UPT Puskesmas %d" % (i + 1), schools + i)
        districts = self.scaled(15)
        villages = self.scaled(153, 2 * districts)
        for i in range(districts):
            self.district(i, root, sekda,
                villages // districts + (i < villages % districts))
        self.staff()

    def opd(self, number, name, root, sekda):
        code = '7371.%02d' % number
        opd = self.unit(code, name, 'opd', root)
        kadis = self.head(opd, 'jpt_pratama', "Kepala " + name, sekda, 1)
        opd['kadis'] = kadis
        for d, title in enumerate(["Sekretariat", "Bidang Program",
                    "Bidang Layanan", "Bidang Pengembangan"], 1):
            division = self.unit('%s.%02d' % (code, d),
                '%s %s' % (title, name), 'division', opd)
            chief = self.head(division, 'administrator',
                ("Sekretaris " if d == 1 else "Kepala ") + division['name'],
                kadis, 2)
            for s in range(1, 4):
                section = self.unit('%s.%02d.%02d' % (code, d, s),
                    'Seksi %d %s' % (s, division['name']), 'section',
                    division, group='section')
                self.head(section, 'pengawas', "Kepala " + section['name'],
                    chief, 3)
        return opd

    def upt(self, opd, group, name, number):
        unit = self.unit('%s.U%03d' % (opd['code'], number + 1), name, 'upt',
            opd, group=group)
        self.head(unit, 'pengawas', "Kepala " + name, opd['kadis'], 2)

    def district(self, number, root, sekda, villages):
        name = (KECAMATAN_NAMES * 3)[number]
        code = '7371.K%02d' % (number + 1)
        district = self.unit(code, "Kecamatan " + name, 'district', root)
        camat = self.head(district, 'administrator', "Camat " + name,
            sekda, 1)
        for s, title in enumerate(["Seksi Pemerintahan",
                    "Seksi Pelayanan Umum"], 1):
            section = self.unit('%s.S%d' % (code, s),
                '%s Kecamatan %s' % (title, name), 'section', district,
                group='district_section')
            self.head(section, 'pengawas', "Kepala " + section['name'],
                camat, 2)
        for v in range(villages):
            village = self.unit('%s.%02d' % (code, v + 1),
                "Kelurahan %s %d" % (name, v + 1), 'village', district,
                group='village')
            self.head(village, 'pengawas', "Lurah " + village['name'],
                camat, 2)

    def staff(self):
        "The people who head nothing, spread by STAFF_SHARES."
        rng = self.rng
        remaining = self.count - len(self.employees)
        if remaining < 0:
            raise SystemExit("%s employees are too few for %s unit heads"
                % (self.count, len(self.employees)))
        groups = defaultdict(list)
        for unit in self.units:
            if unit['group']:
                groups[unit['group']].append(unit)
        shares = {g: s for g, s in STAFF_SHARES.items() if groups[g]}
        total = sum(shares.values())
        counts = {g: int(remaining * s / total) for g, s in shares.items()}
        counts['section'] += remaining - sum(counts.values())
        for group, count in counts.items():
            units = groups[group]
            profile = STAFF_PROFILES.get(group, STAFF_PROFILES['office'])
            weights = [p[0] for p in profile]
            for i in range(count):
                unit = units[i % len(units)]
                head = self.employees[unit['head']]
                _, position_type, level, position = rng.choices(
                    profile, weights)[0]
                status = rng.choices(['pns', 'pppk', 'cpns'],
                    [75, 22, 3])[0]
                self.person(unit, position_type, level, position,
                    unit['head'], head['depth'] + 1, status=status)

    def person(self, unit, position_type, level, position, supervisor,
            depth, status):
        rng = self.rng
        gender = rng.choice(['male', 'female'])
        leader = position_type in {'jpt_pratama', 'administrator',
            'pengawas'}
        age = rng.randint(45, 57) if leader else rng.randint(24, 56)
        year = self.as_of.year
        birth = dt.date(year - age, rng.randint(1, 12), rng.randint(1, 28))
        if status == 'pppk':
            rank = rng.choice(PPPK_RANKS)
            tmt = '%d21' % rng.randint(max(2022, birth.year + 22), year - 1)
        else:
            if status == 'cpns':
                rank, tmt_year = 'III/a' if level else 'II/a', year - 1
            else:
                rank = rng.choice(PNS_RANK_RANGES[level or position_type])
                tmt_year = min(birth.year + rng.randint(21, 30), year - 1)
            tmt = '%d%02d' % (tmt_year, rng.randint(1, 12))
        stem = birth.strftime('%Y%m%d') + tmt + (
            '1' if gender == 'male' else '2')
        self.sequence[stem] += 1
        nip = '%s%03d' % (stem, self.sequence[stem])
        first = rng.choice(MALE_NAMES if gender == 'male' else FEMALE_NAMES)
        self.employees.append({
                'nip': nip,
                'name': '%s %s' % (first, rng.choice(FAMILY_NAMES)),
                'asn_status': status,
                'rank': rank,
                'position': position,
                'position_type': position_type,
                'functional_level': level,
                'unit': unit['code'],
                'supervisor': supervisor,
                'depth': depth,
                })
        return len(self.employees) - 1


# Database

def modules_hash():
    "A digest of the module sources: the template is rebuilt when it moves."
    digest = hashlib.sha256()
    for module in MODULES:
        folder = REPO / 'addons' / module
        for path in sorted(folder.rglob('*')):
            if (path.is_file() and 'tests' not in path.parts
                    and '__pycache__' not in path.parts):
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def server(uri):
    return psycopg.connect(uri + 'postgres', autocommit=True)


def database_exists(connection, name):
    return connection.execute(
        "SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()


def database_comment(connection, name):
    row = connection.execute("SELECT shobj_description(oid, 'pg_database') "
        "FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row[0] if row else None


def activate(uri, name, folder):
    "Activate the modules in the existing empty database `name`."
    conf = folder / 'trytond.conf'
    conf.write_text('[database]\nuri = %s\n' % uri)
    passfile = folder / 'admin.pass'
    passfile.write_text('admin\n')
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_') and k not in {'DB_NAME', 'DB_CACHE'}}
    env['TRYTONPASSFILE'] = str(passfile)
    subprocess.run([BIN / 'trytond-admin', '-c', conf, '-d', name,
            '-u', *MODULES, '--activate-dependencies',
            '--email', 'admin@example.com'], env=env, check=True,
        stdout=subprocess.DEVNULL)


def prepare_database(uri, name, drop, use_template, folder):
    """Create `name` with the modules activated, from the template when it
    matches the sources; return False when it exists with data (reused)."""
    with server(uri) as connection:
        if database_exists(connection, name):
            if not drop:
                return not has_data(uri, name, folder)
            connection.execute(sql.SQL('DROP DATABASE {}').format(
                    sql.Identifier(name)))
        if not use_template:
            connection.execute(sql.SQL('CREATE DATABASE {} ENCODING UTF8'
                    ).format(sql.Identifier(name)))
            activate(uri, name, folder)
            return True
        key = 'skp-bench %s' % modules_hash()
        if database_comment(connection, TEMPLATE) != key:
            if database_exists(connection, TEMPLATE):
                connection.execute(sql.SQL('DROP DATABASE {}').format(
                        sql.Identifier(TEMPLATE)))
            connection.execute(sql.SQL('CREATE DATABASE {} ENCODING UTF8'
                    ).format(sql.Identifier(TEMPLATE)))
            activate(uri, TEMPLATE, folder)
            connection.execute(sql.SQL('COMMENT ON DATABASE {} IS {}').format(
                    sql.Identifier(TEMPLATE), sql.Literal(key)))
        connection.execute(sql.SQL('CREATE DATABASE {} TEMPLATE {}').format(
                sql.Identifier(name), sql.Identifier(TEMPLATE)))
    return True


def has_data(uri, name, folder):
    """Whether the existing database `name` holds generated data; the
    modules are activated first if they are not (a failed earlier run)."""
    with psycopg.connect(uri + name, autocommit=True) as connection:
        try:
            connection.execute("SELECT 1 FROM ir_module WHERE name = %s "
                "AND state = 'activated'", (MODULES[-1],)).fetchone()[0]
        except (psycopg.errors.UndefinedTable, TypeError):
            activated = False
        else:
            activated = True
        if activated:
            return bool(connection.execute(
                    "SELECT 1 FROM company_company LIMIT 1").fetchone())
    activate(uri, name, folder)
    return False


# COPY helpers

def copy_value(value):
    if value is None:
        return '\\N'
    if isinstance(value, bool):
        return 't' if value else 'f'
    if isinstance(value, str):
        return (value.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))
    return str(value)


def format_row(row):
    return '\t'.join(map(copy_value, row))


def copy_rows(cursor, table, columns, rows, chunk=20000):
    """COPY `rows` (tuples, or lines already formatted by format_row) into
    `table`; return how many."""
    count = 0
    statement = sql.SQL('COPY {} ({}) FROM STDIN').format(
        sql.Identifier(table), sql.SQL(', ').join(map(sql.Identifier,
                columns)))
    with cursor.copy(statement) as copy:
        buffer = io.StringIO()
        for row in rows:
            buffer.write(row if isinstance(row, str) else format_row(row))
            buffer.write('\n')
            count += 1
            if not count % chunk:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())
    return count


@contextmanager
def bulk_load(cursor, table):
    """Drop the secondary indexes and foreign keys of `table` around a
    bulk COPY and put them back as they were: building an index once and
    checking each foreign key in one join is much faster than row by row,
    and a row that breaks a key still fails the load."""
    cursor.execute("SELECT c.relname, pg_get_indexdef(i.indexrelid) "
        "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary "
        "AND NOT i.indisunique", (table,))
    indexes = cursor.fetchall()
    cursor.execute("SELECT conname, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE conrelid = %s::regclass "
        "AND contype = 'f'", (table,))
    keys = cursor.fetchall()
    for name, _ in indexes:
        cursor.execute(sql.SQL('DROP INDEX {}').format(sql.Identifier(name)))
    for name, _ in keys:
        cursor.execute(sql.SQL('ALTER TABLE {} DROP CONSTRAINT {}').format(
                sql.Identifier(table), sql.Identifier(name)))
    yield
    for _, definition in indexes:
        cursor.execute(definition)
    for name, definition in keys:
        cursor.execute(sql.SQL('ALTER TABLE {} ADD CONSTRAINT {} {}').format(
                sql.Identifier(table), sql.Identifier(name),
                sql.SQL(definition)))


def chunks(values, size=CHUNK):
    for i in range(0, len(values), size):
        yield values[i:i + size]


def create(Model, vlist):
    "Model.create in chunks; return the records."
    records = []
    for chunk in chunks(vlist):
        records.extend(Model.create(chunk))
    return records


def working_days(start, end, holidays=()):
    date, days = start, []
    while date <= end:
        if date.weekday() < 5 and date not in holidays:
            days.append(date)
        date += dt.timedelta(days=1)
    return days


def fetch_names_once():
    """trytond's cursor_dict asks psycopg for the cursor description on
    every row, which psycopg 3 rebuilds each time (0.2-0.8 ms a row here).
    The generator reads the same rows with the names fetched once a batch;
    the values are the same."""
    from trytond import tools
    from trytond.ir import model, translation
    from trytond.model import modelsql

    def cursor_dict(cursor, size=None):
        size = cursor.arraysize if size is None else size
        names = None
        while rows := cursor.fetchmany(size):
            if names is None:
                names = [d[0] for d in cursor.description]
            for row in rows:
                yield dict(zip(names, row))
    for module in [tools, model, translation, modelsql]:
        module.cursor_dict = cursor_dict


# The loader

class Loader:
    "Stores the organisation and its month, in the caller's transaction."

    def __init__(self, organisation, month_start, seed, requests):
        from trytond.pool import Pool
        self.pool = Pool()
        self.org = organisation
        self.rng = random.Random(seed + 1)
        self.month_start = month_start
        next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
        self.month_end = next_month - dt.timedelta(days=1)
        self.year = month_start.year
        self.requests = requests
        self.unit_of = {u['code']: u for u in organisation.units}
        self.tz = ZoneInfo(TIMEZONE)
        self.now = dt.datetime.now()

    def utc(self, local):
        "Stored datetimes are naive UTC, as the workflow writes them."
        return local.replace(tzinfo=self.tz).astimezone(
            dt.timezone.utc).replace(tzinfo=None)

    def company(self):
        pool = self.pool
        Company = pool.get('company.company')
        Currency = pool.get('currency.currency')
        Party = pool.get('party.party')
        currency, = Currency.create([{'name': "Indonesian Rupiah",
                    'code': 'IDR', 'numeric_code': '360', 'symbol': 'Rp',
                    'rounding': Decimal(1), 'digits': 0}])
        party, = Party.create([{'name': COMPANY_NAME}])
        company, = Company.create([{'party': party.id,
                    'currency': currency.id, 'timezone': TIMEZONE}])
        return company

    def configuration(self):
        Configuration = self.pool.get('skp.configuration')
        config = Configuration(1)  # the defaults until someone saves it
        self.verification_limit = config.verification_days * 24
        self.holidays = self.pool.get('skp.holiday').dates()

    def units(self, company):
        Unit = self.pool.get('skp.unit')
        self.unit_ids = {}
        levels = defaultdict(list)
        for unit in self.org.units:
            levels[unit['code'].count('.')].append(unit)
        for depth in sorted(levels):
            level = levels[depth]
            created = create(Unit, [{
                        'code': u['code'], 'name': u['name'],
                        'kind': u['kind'], 'company': company.id,
                        'parent': self.unit_ids.get(u['parent']),
                        } for u in level])
            self.unit_ids.update(
                (u['code'], c.id) for u, c in zip(level, created))
        return len(self.unit_ids)

    def employees(self, company):
        "Parties and employees, level by level so supervisors exist."
        pool = self.pool
        Party = pool.get('party.party')
        Employee = pool.get('company.employee')
        Unit = pool.get('skp.unit')
        people = self.org.employees
        parties = create(Party, [{'name': e['name']} for e in people])
        self.employee_ids = [None] * len(people)
        levels = defaultdict(list)
        for index, person in enumerate(people):
            levels[person['depth']].append(index)
        for depth in sorted(levels):
            indexes = levels[depth]
            created = create(Employee, [{
                        'company': company.id,
                        'party': parties[i].id,
                        'nip': people[i]['nip'],
                        'asn_status': people[i]['asn_status'],
                        'rank': people[i]['rank'],
                        'position': people[i]['position'],
                        'position_type': people[i]['position_type'],
                        'functional_level': people[i]['functional_level'],
                        'unit': self.unit_ids[people[i]['unit']],
                        'supervisor': (
                            self.employee_ids[people[i]['supervisor']]
                            if people[i]['supervisor'] is not None
                            else None),
                        } for i in indexes])
            for i, employee in zip(indexes, created):
                self.employee_ids[i] = employee.id
        self.index_of = {e: i for i, e in enumerate(self.employee_ids)}
        Unit.write(*[a for u in self.org.units for a in (
                    [Unit(self.unit_ids[u['code']])],
                    {'head': self.employee_ids[u['head']]})])
        return len(people)

    def period(self, company):
        pool = self.pool
        Period = pool.get('skp.period')
        Target = pool.get('skp.org.target')
        self.period, = Period.create([{
                    'name': str(self.year), 'company': company.id,
                    'start_date': dt.date(self.year, 1, 1),
                    'end_date': dt.date(self.year, 12, 31),
                    'cadence': 'quarterly',
                    }])
        values = []
        for unit in self.org.units:
            if unit['kind'] in {'government', 'opd', 'district'}:
                for sequence in (1, 2):
                    values.append({
                            'unit': self.unit_ids[unit['code']],
                            'period': self.period.id,
                            'sequence': sequence,
                            'code': 'IKU-%s.%d' % (unit['code'], sequence),
                            'objective': "Sasaran strategis %d %s" % (
                                sequence, unit['name']),
                            'indicator': "Indeks kinerja %d %s" % (
                                sequence, unit['name']),
                            'target': Decimal(80 + 5 * sequence),
                            'uom': '%',
                            })
        targets = Target.create(values)
        self.targets = defaultdict(list)
        for target in targets:
            self.targets[target.unit.id].append(target.id)
        return len(targets)

    def skps(self, company):
        """The SKP level by level, leaders first, approved before their
        people's RHK point to theirs."""
        pool = self.pool
        Employee = pool.get('company.employee')
        people = self.org.employees
        self.rhk_ids = {}
        self.iki_ids = {}
        self.rank_names = dict(Employee.rank.selection)
        employees = Employee.browse(self.employee_ids)
        self.appraisers = {e: (a and a.id, s and s.id) for e, (a, s) in
            Employee.get_appraisers(employees, self.approval_date(0)).items()}
        levels = defaultdict(list)
        for index, person in enumerate(people):
            levels[person['depth']].append(index)
        count = 0
        for depth in sorted(levels):
            for indexes in chunks(levels[depth]):
                count += len(self.skp_chunk(company, depth, indexes))
        return count

    def approval_date(self, depth):
        "Leaders approve their people's SKP a few working days after theirs."
        date = dt.date(self.year, 1, 5 + 2 * depth)
        while date.weekday() >= 5:
            date += dt.timedelta(days=1)
        return date

    def skp_chunk(self, company, depth, indexes):
        "Create the SKP of the employees `indexes` and approve them."
        pool = self.pool
        SKP = pool.get('skp.skp')
        people = self.org.employees
        values = []
        for i in indexes:
            person = people[i]
            unit = self.unit_of[person['unit']]
            targets = (self.targets.get(self.unit_ids[unit['code']])
                if unit['head'] == i else None)
            leader = person['supervisor']
            rhks = []
            for r in range(2):
                rhk = {'sequence': r + 1, 'kind': 'utama',
                    'name': "RHK %d %s" % (r + 1, person['position']),
                    'indicators': [('create', [
                                self.iki_values(person, r, k)
                                for k in range(2)])]}
                if targets:
                    rhk['org_target'] = targets[r % len(targets)]
                else:
                    rhk['parent'] = self.rhk_ids[leader][r]
                rhks.append(rhk)
            values.append({
                    'company': company.id,
                    'employee': self.employee_ids[i],
                    'period': self.period.id,
                    'start_date': self.period.start_date,
                    'end_date': self.period.end_date,
                    'approach': ('kuantitatif'
                        if person['position_type'] == 'jpt_pratama'
                        else 'kualitatif'),
                    'rhks': [('create', rhks)],
                    })
        skps = SKP.create(values)
        self.approve(skps, self.approval_date(depth))
        for i, skp in zip(indexes, skps):
            rhks = sorted(skp.rhks, key=lambda r: r.sequence)
            self.rhk_ids[i] = [r.id for r in rhks]
            self.iki_ids[i] = [(k.id, k.uom) for r in rhks
                for k in r.indicators]
        return skps

    def approve(self, skps, date):
        """Write what SKP.approve writes, as of `date`: the Pejabat Penilai
        of that day, not late, the signatories snapshot."""
        pool = self.pool
        SKP = pool.get('skp.skp')
        Signatory = pool.get('skp.signatory')
        groups, signatories = defaultdict(list), []
        for skp in skps:
            employee = skp.employee.id
            appraiser, superior = self.appraisers[employee]
            groups[appraiser].append(skp)
            signatories.extend(dict(self.signatory(role, e), skp=skp.id)
                for role, e in [('employee', employee),
                    ('appraiser', appraiser), ('superior', superior)] if e)
        SKP.write(*[a for appraiser, records in groups.items() for a in (
                    records, {
                        'state': 'approved',
                        'approved_by': appraiser,
                        'approved_date': date,
                        'late': date > self.period.deadline,
                        })])
        Signatory.create(signatories)

    def signatory(self, role, employee_id):
        "What Signatory.from_employee snapshots, from the generated data."
        person = self.org.employees[self.index_of[employee_id]]
        return {'role': role, 'employee': employee_id,
            'name': person['name'], 'nip': person['nip'],
            'rank': self.rank_names[person['rank']],
            'position': person['position'],
            'unit': self.unit_of[person['unit']]['name']}

    def iki_values(self, person, rhk, number):
        manual = rhk == 1 and number == 1
        return {
            'sequence': number + 1,
            'name': "IKI %d.%d %s" % (rhk + 1, number + 1,
                person['position']),
            'aspect': ['quantity', 'quality'][number],
            'target_kind': 'single',
            'target': Decimal(100 if manual else 20 * (number + 1)),
            'uom': '%' if manual else 'dokumen',
            'realisation_source': 'manual' if manual else 'activities',
            }

    def budget_lines(self):
        "Three sub-kegiatan per OPD financing the IKI of its heads."
        Line = self.pool.get('skp.budget.line')
        by_opd = defaultdict(list)
        for unit in self.org.units:
            if unit['head'] is None:
                continue
            opd = unit
            while opd['kind'] not in {'opd', 'district', 'government'}:
                opd = opd['parent_unit']
            if unit['kind'] in {'opd', 'division'}:
                by_opd[opd['code']].append(unit['head'])
        values = []
        for n, (code, heads) in enumerate(sorted(by_opd.items()), 1):
            ikis = [k for h in heads for k, uom in self.iki_ids[h]
                if uom == 'dokumen']
            for s in range(1, 4):
                values.append({
                        'unit': self.unit_ids[code],
                        'period': self.period.id,
                        'program_code': '%d.01' % n,
                        'program': "Program Penunjang %s" % code,
                        'activity_code': '%d.01.2.%02d' % (n, s),
                        'activity': "Kegiatan %d" % s,
                        'code': '%d.01.2.%02d.0001' % (n, s),
                        'name': "Sub-kegiatan %d %s" % (s, code),
                        'budget': Decimal(2000000000),
                        'ikis': [('add', ikis[s - 1::3])],
                        })
        lines = create(Line, values)
        self.line_of_iki = {}
        for line in lines:
            for iki in line.ikis:
                self.line_of_iki[iki.id] = line.id
        return len(lines)

    # Activities

    def activities(self, company):
        pool = self.pool
        Employee = pool.get('company.employee')
        Activity = pool.get('skp.activity')
        cursor = self.pool_cursor()
        people = self.org.employees
        days = [d for d in working_days(self.month_start, self.month_end,
                self.holidays) if d < self.now.date()]
        employees = Employee.browse(self.employee_ids)
        appraisers = Employee.get_appraisers(employees, self.month_start)
        self.appraiser_of = {i: a.id if a else None
            for i, (a, _) in appraisers.items()}
        columns = ['company', 'employee', 'date', 'start_time', 'end_time',
            'minutes', 'name', 'additional', 'iki', 'output_quantity',
            'output_uom', 'budget_line', 'budget_amount', 'state',
            'submitted_at', 'verified_at', 'verified_by',
            'verification_hours', 'verified_on_time', 'reject_reason',
            'evidence_hashes', 'create_uid', 'create_date']
        self.compute_minutes = Activity.compute_minutes

        def rows():
            for index in range(len(people)):
                yield from self.employee_activities(company.id, index, days)
        with bulk_load(cursor, 'skp_activity'):
            return copy_rows(cursor, 'skp_activity', columns, rows())

    @staticmethod
    def pool_cursor():
        from trytond.transaction import Transaction
        return Transaction().connection.cursor()

    def employee_activities(self, company, index, days):
        rng = self.rng
        employee = self.employee_ids[index]
        appraiser = self.appraiser_of[employee]
        ikis = self.iki_ids[index]
        topic = self.org.employees[index]['position'].lower()
        for date in days:
            if rng.random() < 0.04:
                continue  # on leave
            state, submitted, decided, hours = self.day_decision(date)
            # The columns shared by the day's activities, formatted once
            day = format_row((company, employee, date))
            decision = format_row((state, submitted, decided,
                    appraiser if decided else None, hours,
                    (hours <= self.verification_limit) if decided else (
                        None if submitted else False),
                    rng.choice(REJECT_REASONS) if state == 'rejected'
                    else None,
                    '[]' if submitted else None, 0, self.now))
            for start, end in self.day_slots(date):
                activity = format_row((start, end,
                        self.compute_minutes(start, end),
                        *self.activity_content(ikis, topic)))
                yield '\t'.join((day, activity, decision))

    def activity_content(self, ikis, topic):
        "name, additional, iki, output, uom, budget line and amount"
        rng = self.rng
        if rng.random() < 0.05:
            return (rng.choice(ADDITIONAL_TEXTS), True, None, None, None,
                None, None)
        iki, uom = rng.choice(ikis)
        quantity = (Decimal(rng.randint(1, 5))
            if uom == 'dokumen' and rng.random() < 0.6 else None)
        line = self.line_of_iki.get(iki)
        amount = None
        if line and rng.random() < 0.1:
            amount = Decimal(rng.randrange(250000, 5000001, 50000))
        else:
            line = None
        return (rng.choice(ACTIVITY_TEXTS).format(topic), False, iki,
            quantity, uom if quantity else None, line, amount)

    def day_decision(self, date):
        """(state, submitted at, decided at, hours) of one person-day:
        submitted that afternoon or the next morning, decided after the
        appraiser's delay; a few left waiting, rejected or in draft."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.01:
            return 'draft', None, None, None
        if rng.random() < 0.15:
            submitted = dt.datetime.combine(date + dt.timedelta(
                    days=3 if date.weekday() == 4 else 1), dt.time(7, 45))
            submitted += dt.timedelta(minutes=rng.randrange(75))
        else:
            submitted = dt.datetime.combine(date, dt.time(16)) + (
                dt.timedelta(minutes=rng.randrange(90)))
        submitted = self.utc(submitted)
        delay = rng.uniform(1, 40) if rng.random() < 0.9 else rng.uniform(
            40, 120)
        decided = submitted + dt.timedelta(hours=delay)
        if draw < 0.02 or decided > self.now or submitted > self.now:
            return 'submitted', submitted, None, None
        # As Activity._decide: hours to one decimal, on time within limit
        hours = Decimal(str(round(
                    (decided - submitted).total_seconds() / 3600, 1)))
        state = 'rejected' if draw < 0.04 else 'verified'
        return state, submitted, decided.replace(microsecond=0), hours

    def day_slots(self, date):
        "3 to 5 activities between 07:30 and 16:00, about 4 on average."
        rng = self.rng
        count = rng.choices([3, 4, 5], [0.25, 0.5, 0.25])[0]
        minute = 450 + rng.choice([0, 15, 30])
        slots = []
        for _ in range(count):
            length = rng.choice([60, 75, 90, 105, 120])
            if minute < 720 <= minute + length:
                minute = 780
            end = min(minute + length, 960)
            if end - minute < 15:
                break
            slots.append((dt.time(minute // 60, minute % 60),
                    dt.time(end // 60, end % 60)))
            minute = end + rng.choice([0, 0, 15])
        return slots

    def realisations(self):
        "What Activity.verify realises for the verified activities."
        Realisation = self.pool.get('skp.budget.realisation')
        cursor = self.pool_cursor()
        cursor.execute("SELECT id, budget_line, date, budget_amount, name "
            "FROM skp_activity WHERE state = 'verified' "
            "AND budget_line IS NOT NULL ORDER BY id")
        values = [{'line': line, 'date': date, 'amount': amount,
                'activity': id_, 'description': name.splitlines()[0][:100]}
            for id_, line, date, amount, name in cursor]
        return len(create(Realisation, values))

    # Service requests

    def service_requests(self):
        pool = self.pool
        ServiceType = pool.get('skp.service.type')
        Request = pool.get('skp.service.request')
        types = ServiceType.create([{
                    'code': code, 'name': name,
                    'target_duration': Decimal(target),
                    'duration_unit': unit, 'example': True,
                    'legal_reference': "Contoh (DOMAIN §6)",
                    } for code, name, target, unit, _ in SERVICES])
        weights = [s[-1] for s in SERVICES]
        units = self.service_units()
        days = [d for d in working_days(self.month_start, self.month_end,
                self.holidays) if d < self.now.date()]
        rng = self.rng
        numbers = defaultdict(int)
        columns = ['number', 'unit', 'service_type', 'received_at',
            'completed_at', 'employee', 'state', 'turnaround', 'on_time',
            'create_uid', 'create_date']

        def rows():
            for n in range(self.requests):
                unit, staff = units[n % len(units)]
                service = rng.choices(types, weights)[0]
                date = days[rng.randrange(len(days))]
                received = self.utc(dt.datetime.combine(date, dt.time(8))
                    + dt.timedelta(minutes=rng.randrange(0, 420, 5)))
                completed = self.completion(service, received)
                state = 'completed'
                if rng.random() < 0.02:
                    state, completed = 'cancelled', None
                elif completed > self.now:
                    state, completed = 'received', None
                turnaround, on_time = Request.compute_turnaround(
                    service, received, completed, self.holidays)
                numbers[unit] += 1
                yield ('%s/%s/%06d' % (service.code, date.strftime('%Y%m'),
                        numbers[unit]), unit, service.id, received,
                    completed, rng.choice(staff), state, turnaround,
                    False if on_time is None else on_time, 0, self.now)
        cursor = self.pool_cursor()
        with bulk_load(cursor, 'skp_service_request'):
            return copy_rows(cursor, 'skp_service_request', columns, rows())

    def service_units(self):
        "(unit id, staff ids) of the kelurahan, kecamatan and Dukcapil."
        by_unit = defaultdict(list)
        for index, person in enumerate(self.org.employees):
            by_unit[person['unit']].append(self.employee_ids[index])
        dukcapil = [u['code'] for u in self.org.units
            if u['kind'] == 'opd' and 'Kependudukan' in u['name']]
        return [(self.unit_ids[u['code']], by_unit[u['code']])
            for u in self.org.units
            if by_unit[u['code']] and (u['kind'] in {'village', 'district'}
                or u['group'] == 'district_section'
                or any(u['code'].startswith(c + '.') for c in dukcapil))]

    def completion(self, service, received):
        "Completed within target most of the time."
        rng = self.rng
        late = rng.random() < 0.1
        if service.duration_unit == 'working_days':
            days = int(service.target_duration) + (rng.randint(1, 3)
                if late else rng.choice([0, 0, 1]) - 1)
            date = received.date()
            while days > 0:
                date += dt.timedelta(days=1)
                if date.weekday() < 5 and date not in self.holidays:
                    days -= 1
            return dt.datetime.combine(date, received.time()) + dt.timedelta(
                minutes=rng.randrange(30, 240, 5))
        target = int(service.target_duration) * (
            60 if service.duration_unit == 'hours' else 1)
        minutes = (rng.randint(target + 5, target * 3) if late
            else rng.randint(10, max(target - 5, 11)))
        return received + dt.timedelta(minutes=minutes)


def previous_month(today):
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def generate(args):
    from trytond import config
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    month = (dt.date.fromisoformat(args.month + '-01') if args.month
        else previous_month(dt.date.today()))
    employees = args.employees or round(CITY_EMPLOYEES * args.scale)
    requests = (args.requests if args.requests is not None
        else round(CITY_REQUESTS * args.scale))
    with phase("organisation (plain data)") as info:
        org = Organisation(employees, args.seed, month)
        info['rows'] = len(org.employees)
    print("  %s units, %s employees, month %s, %s requests" % (
            format(len(org.units), ','), format(len(org.employees), ','),
            month.strftime('%Y-%m'), format(requests, ',')))
    config.update_etc(str(args.conf))
    fetch_names_once()
    with phase("pool init"):
        Pool(args.database).init()
    with Transaction().start(args.database, 0) as transaction:
        loader = Loader(org, month, args.seed, requests)
        with phase("company and configuration"):
            company = loader.company()
            loader.configuration()
        with transaction.set_context(company=company.id):
            for title, method, arg in [
                    ("units (ORM)", loader.units, company),
                    ("employees (ORM)", loader.employees, company),
                    ("period and targets (ORM)", loader.period, company),
                    ("SKP, RHK, IKI, approval (ORM)", loader.skps, company),
                    ("budget lines (ORM)", loader.budget_lines, None),
                    ("activities (COPY)", loader.activities, company),
                    ("realisations (ORM)", loader.realisations, None),
                    ("service requests (COPY)", loader.service_requests,
                        None),
                    ]:
                with phase(title) as info:
                    info['rows'] = (method(arg) if arg is not None
                        else method())
        with phase("commit"):
            transaction.commit()


def analyze(uri, name):
    with psycopg.connect(uri + name, autocommit=True) as connection:
        connection.execute('VACUUM ANALYZE')


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--database', default='skp_bench',
        help="name starting with skp_bench (default: skp_bench)")
    parser.add_argument('--employees', type=int,
        help="employees (default: 25,000 times --scale)")
    parser.add_argument('--scale', type=float, default=1.0,
        help="fraction of the city: 0.02 gives 500 employees and 2,000 "
        "requests (default: 1)")
    parser.add_argument('--requests', type=int,
        help="service requests (default: 100,000 times --scale)")
    parser.add_argument('--month',
        help="YYYY-MM of the activities (default: the previous month)")
    parser.add_argument('--seed', type=int, default=7371)
    parser.add_argument('--uri', default=os.environ.get(
            'SKP_BENCH_URI', DEFAULT_URI),
        help="PostgreSQL URI without database (default: %s or "
        "$SKP_BENCH_URI)" % DEFAULT_URI)
    parser.add_argument('--drop', action='store_true',
        help="drop and regenerate the database if it exists")
    parser.add_argument('--no-template', dest='template',
        action='store_false',
        help="activate the modules in the database itself")
    args = parser.parse_args()
    if not args.database.startswith('skp_bench'):
        parser.error("the database name must start with skp_bench")
    if not sys.flags.optimize:
        print("warning: run with PYTHONOPTIMIZE=1 (asserts make bulk "
            "creation quadratic)", file=sys.stderr)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with phase("database and modules"):
            created = prepare_database(args.uri, args.database, args.drop,
                args.template, folder)
        if not created:
            print("%s exists: reused as it is (--drop to regenerate)"
                % args.database)
            return
        args.conf = folder / 'trytond.conf'
        args.conf.write_text('[database]\nuri = %s\n' % args.uri)
        generate(args)
    with phase("vacuum analyze"):
        analyze(args.uri, args.database)
    print("%-34s%8.1f s" % ("total", time.perf_counter() - start))


if __name__ == '__main__':
    main()
