"""Time the import of a city's organisation units and employees.

Builds a SQLite database in a temporary folder (trytond-admin, skp_asn and a
company), generates a units file and an employees file shaped like a SIASN
export (--employees rows, default 25,000: Makassar's scale) and times with
the same Importer as the wizard and the skp-import command:

1. the first import (everything created),
2. the same files again (everything unchanged),
3. the same files with a user per employee,
4. the same files with one change in ten employees.

Run it with PYTHONOPTIMIZE=1, as production runs (see docs/deployment.md):

    PYTHONOPTIMIZE=1 python benchmarks/bench_import.py [--employees N]
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
OPDS, DIVISIONS, SECTIONS = 60, 4, 3


def organisation(count, seed=1):
    "Return (units rows, employees rows) with `count` employees."
    rng = random.Random(seed)
    units = [['UNOR ID', 'NAMA UNOR', 'JENIS UNOR', 'DIATASAN ID',
            'NIP KEPALA']]
    employees = [['NIP BARU', 'NAMA', 'GELAR DEPAN', 'GELAR BELAKANG',
            'STATUS PEGAWAI', 'GOL AKHIR NAMA', 'JABATAN NAMA',
            'JENIS JABATAN', 'JENJANG', 'UNOR ID', 'NIP ATASAN']]
    sequence = {}

    def nip(age):
        birth = dt.date(2025 - age, rng.randint(1, 12), rng.randint(1, 28))
        tmt = birth.replace(day=1, year=birth.year + rng.randint(20, 28))
        stem = birth.strftime('%Y%m%d') + tmt.strftime('%Y%m') + str(
            rng.randint(1, 2))
        sequence[stem] = sequence.get(stem, 0) + 1
        return '%s%03d' % (stem, sequence[stem])

    def person(unit, supervisor, position, kind, rank, age):
        number = nip(age)
        employees.append([number, 'Pegawai %s' % number[-6:], '',
                'S.Sos.', 'PNS', rank, position, kind, '', unit, supervisor])
        return number

    units.append(['7371', 'Pemerintah Kota', 'Pemerintah Kota', '', ''])
    sections = []
    for o in range(1, OPDS + 1):
        opd = '7371.%02d' % o
        head = person(opd, '', 'Kepala Dinas', 'JPT Pratama', 'IV/c', 55)
        units.append([opd, 'Dinas %s' % o, 'OPD', '7371', head])
        for d in range(1, DIVISIONS + 1):
            division = '%s.%02d' % (opd, d)
            chief = person(division, head, 'Kepala Bidang', 'Administrator',
                'IV/a', 50)
            units.append([division, 'Bidang %s.%s' % (o, d), 'Bidang', opd,
                    chief])
            for s in range(1, SECTIONS + 1):
                section = '%s.%02d' % (division, s)
                leader = person(section, chief, 'Kepala Seksi', 'Pengawas',
                    'III/d', 45)
                units.append([section, 'Seksi %s.%s.%s' % (o, d, s),
                        'Seksi', division, leader])
                sections.append((section, leader))
    while len(employees) <= count:
        section, leader = sections[len(employees) % len(sections)]
        person(section, leader, 'Pengadministrasi Umum', 'Pelaksana',
            rng.choice(['II/a', 'II/c', 'III/a', 'III/b']),
            rng.randint(25, 55))
    return units, employees


def to_csv(rows):
    output = io.StringIO()
    csv.writer(output, delimiter=';', lineterminator='\n').writerows(rows)
    return output.getvalue().encode('utf-8')


def create_database(folder, name):
    "A SQLite database with skp_asn activated and one company."
    conf = folder / 'trytond.conf'
    conf.write_text('[database]\nuri = sqlite://\npath = %s\n' % folder)
    (folder / (name + '.sqlite')).touch()
    (folder / 'password').write_text('admin\n')
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_') and k not in {'DB_NAME', 'DB_CACHE'}}
    env['TRYTONPASSFILE'] = str(folder / 'password')
    subprocess.run([BIN / 'trytond-admin', '-c', conf, '-d', name,
            '--email', 'admin@example.com', '-u', 'skp_asn',
            '--activate-dependencies'], env=env, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return conf


def create_company():
    from trytond.pool import Pool
    pool = Pool()
    Company = pool.get('company.company')
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    currency, = Currency.create([{'name': "Rupiah", 'code': 'IDR',
                'symbol': 'Rp'}])
    party, = Party.create([{'name': "Pemerintah Kota Makassar"}])
    company, = Company.create([{'party': party.id,
                'currency': currency.id}])
    return company.id


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--employees', type=int, default=25000)
    args = parser.parse_args()
    if not sys.flags.optimize:
        print("warning: run with PYTHONOPTIMIZE=1 (asserts make bulk "
            "creation quadratic)", file=sys.stderr)
    units, employees = organisation(args.employees)
    files = {'units': to_csv(units), 'employees': to_csv(employees)}
    changed = [list(r) for r in employees]
    for row in changed[1::10]:
        row[6] += ' Terampil'
    with tempfile.TemporaryDirectory() as folder:
        folder, name = Path(folder), 'bench'
        start = time.perf_counter()
        conf = create_database(folder, name)
        from trytond import config
        config.update_etc(str(conf))
        from trytond.modules.skp_asn.import_rows import ImportFile
        from trytond.modules.skp_asn.importer import Importer
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        Pool(name).init()
        with Transaction().start(name, 0):
            company = create_company()
        print("database: %.1f s" % (time.perf_counter() - start))
        print("%s units, %s employees" % (len(units) - 1, len(employees) - 1))

        def run(title, create_users=False, **data):
            start = time.perf_counter()
            with Transaction().start(name, 0, context={'company': company}):
                importer = Importer(company, create_users=create_users)
                importer.run(**{k: ImportFile(k + '.csv', v)
                        for k, v in data.items()})
                assert not importer.errors, importer.errors[:5]
            print("%s: %.1f s %s" % (title, time.perf_counter() - start,
                    dict(sorted((k, v) for k, v in importer.counts.items()
                            if v))))
        run("first import", **files)
        run("same files again", **files)
        run("with users", create_users=True, **files)
        run("one change in ten", employees=to_csv(changed))


if __name__ == '__main__':
    main()
