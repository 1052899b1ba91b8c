"""The skp-import command, run as a subprocess on a SQLite database file
made with trytond-admin (slow: the database is built once for the module)."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
DATABASE = 'skp_import'
BAD_EMPLOYEES = '\n'.join([
        'NIP BARU,NAMA,STATUS PEGAWAI,UNOR ID,NIP ATASAN',
        '199901012019031001,Joko,PNS,7371.01,',
        '19900101201503200,Ani,PNS,7371.01,',
        '199001012015032001,Budi,PNS,9999,198001012005011009',
        ])
COMPANY = '''
from proteus import config
from trytond.modules.company.tests.tools import create_company
config.set_trytond(%r, config_file=%r)
create_company()
'''


def _environ():
    "Only the configuration file configures the subprocesses."
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_')
        and k not in {'DB_NAME', 'DB_CACHE', 'TRYTONPASSFILE'}}
    env['PYTHONOPTIMIZE'] = '1'
    return env


@pytest.fixture(scope='module')
def database(tmp_path_factory):
    "The configuration file of a database with skp_asn and a company."
    folder = tmp_path_factory.mktemp('skp_import')
    conf = folder / 'trytond.conf'
    conf.write_text('[database]\nuri = sqlite://\npath = %s\n' % folder)
    (folder / (DATABASE + '.sqlite')).touch()
    (folder / 'password').write_text('admin\n')
    env = _environ()
    subprocess.run([BIN / 'trytond-admin', '-c', conf, '-d', DATABASE,
            '--email', 'admin@example.com', '-u', 'skp_asn',
            '--activate-dependencies'], check=True, capture_output=True,
        env={**env, 'TRYTONPASSFILE': str(folder / 'password')})
    subprocess.run([sys.executable, '-c', COMPANY % (DATABASE, str(conf))],
        check=True, capture_output=True, env=env)
    return folder, conf


def skp_import(database, *args):
    folder, conf = database
    return subprocess.run([BIN / 'skp-import', '-c', conf, '-d', DATABASE,
            *map(str, args)], capture_output=True, text=True, cwd=folder,
        env=_environ())


def rows(database, query):
    folder, _ = database
    with sqlite3.connect(folder / (DATABASE + '.sqlite')) as connection:
        return connection.execute(query).fetchall()


def totals(database):
    return [rows(database, 'SELECT COUNT(*) FROM %s' % t)[0][0] for t in [
            'skp_unit', 'company_employee', 'party_party', 'res_user']]


def test_errors_write_nothing(database, tmp_path):
    """Every error is printed with its file, row and column; exit code 1.
    The units file names heads who are not in the employees file."""
    bad = tmp_path / 'bad.csv'
    bad.write_text(BAD_EMPLOYEES)
    before = totals(database)
    result = skp_import(database, '--units', HERE / 'import_units.csv',
        '--employees', bad, '--create-users')
    assert result.returncode == 1
    assert result.stdout == ''
    units = HERE / 'import_units.csv'
    assert result.stderr.splitlines() == [
        '%s:%s: NIP KEPALA: No employee has the NIP "%s", in the database or '
        'in the employees file.' % (units, row, nip) for row, nip in [
            (2, '198703102010012002'), (3, '197908082005011001'),
            (4, '197001012000031001')]] + [
        '%s:3: NIP BARU: The NIP "19900101201503200" must be exactly 18 '
        'digits.' % bad,
        '%s:4: UNOR ID: No organisation unit has the code "9999", in the '
        'database or in the units file.' % bad,
        '%s:4: NIP ATASAN: No employee has the NIP "198001012005011009", in '
        'the database or in the employees file.' % bad,
        '6 error(s): nothing was imported.',
        ]
    assert totals(database) == before


def test_database_error_writes_nothing(database):
    "A failure of the database while writing rolls everything back."
    before = totals(database)
    rows(database, "CREATE TRIGGER refuse BEFORE INSERT ON company_employee "
        "WHEN NEW.nip = '199203042023212001' "
        "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    try:
        result = skp_import(database,
            '--units', HERE / 'import_units.csv',
            '--employees', HERE / 'import_employees.csv')
    finally:
        rows(database, 'DROP TRIGGER refuse')
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'refused by a trigger', '1 error(s): nothing was imported.']
    assert totals(database) == before


def test_import_then_again(database):
    "The files are imported, then imported again without duplicates."
    before = totals(database)
    files = ['--units', HERE / 'import_units.csv',
        '--employees', HERE / 'import_employees.csv']
    result = skp_import(database, *files, '--create-users')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines() == [
        'Organisation units: 6 created, 0 updated, 0 unchanged.',
        'Employees: 6 created, 0 updated, 0 unchanged.',
        'Users: 6 created.',
        ]
    assert [a - b for a, b in zip(totals(database), before)] == [6, 6, 6, 6]
    assert rows(database, "SELECT p.name, e.rank, u.code, s.nip "
        "FROM company_employee e JOIN party_party p ON p.id = e.party "
        "JOIN skp_unit u ON u.id = e.unit "
        "LEFT JOIN company_employee s ON s.id = e.supervisor "
        "WHERE e.nip = '197908082005011001'") == [
        ('Dr. Andi Baso, S.Kom., M.Si.', 'IV/a', '7371.01.01',
            '197001012000031001')]
    assert rows(database, "SELECT u.code, h.nip FROM skp_unit u "
        "JOIN company_employee h ON h.id = u.head ORDER BY u.code") == [
        ('7371.01', '197001012000031001'),
        ('7371.01.01', '197908082005011001'),
        ('7371.01.01.01', '198703102010012002')]
    assert rows(database, "SELECT u.login, e.nip FROM res_user u "
        "JOIN company_employee e ON e.id = u.employee "
        "WHERE u.login = '199505152020121003'") == [
        ('199505152020121003', '199505152020121003')]

    after = totals(database)
    result = skp_import(database, *files, '--create-users', '--dry-run')
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout.splitlines() == [
        'Organisation units: 0 created, 0 updated, 6 unchanged.',
        'Employees: 0 created, 0 updated, 6 unchanged.',
        'Users: 0 created.',
        'Dry run: nothing was written.',
        ]
    assert totals(database) == after
