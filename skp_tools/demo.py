"""Makassar demo data for SKP-ASN.

`build()` turns the organisation of `skp_tools.makassar` into units and
employees (deterministic: seeded generator, fixed reference date);
`load()` stores them through the Tryton ORM with one user per employee,
then the performance cycle of the current year (`skp_tools.demo_cycle`).

    python -m skp_tools.demo -c CONFIG -d DATABASE   # load, print logins
    python -m skp_tools.demo --list                  # print logins only
    python -m skp_tools.demo --csv FILE              # employees as CSV
"""
import argparse
import csv
import datetime as dt
import io
import random
import sys
import time
from decimal import Decimal

from trytond import config
from trytond.modules.skp_asn.employee import PNS_RANKS as _PNS_RANKS
from trytond.pool import Pool
from trytond.tools import grouped_slice
from trytond.transaction import Transaction, TransactionError

from .demo_cycle import CycleLoader
from .makassar import (
    DOCTOR_PREFIXES, FAMILY_NAMES, FEMALE_DAENG, FEMALE_NAMES, MALE_DAENG,
    MALE_NAMES, ORGANISATION, ROOT_CODE, TITLES)

DEMO_PASSWORD = 'demo-SKP-2026'
COMPANY_NAME = "Pemerintah Kota Makassar"
TIMEZONE = 'Asia/Makassar'
LANGUAGE = 'id'
SEED = 7371
# Ages, service years and ranks are computed at this date so that the
# data (and the NIPs) do not depend on the day they are loaded.
AS_OF = dt.date(2026, 1, 1)
CPNS_TMT = dt.date(2025, 6, 1)
EMPLOYEE_BATCH = 50

PNS_RANKS = [r for r, _ in _PNS_RANKS]
# Rank range of each role (position type or jenjang) for PNS.
ROLE_RANKS = {
    'jpt_pratama': ('IV/c', 'IV/c'),
    'administrator': ('IV/a', 'IV/b'),
    'pengawas': ('III/c', 'III/d'),
    'ahli_utama': ('IV/d', 'IV/e'),
    'ahli_madya': ('IV/a', 'IV/c'),
    'ahli_muda': ('III/c', 'III/d'),
    'ahli_pertama': ('III/a', 'III/b'),
    'penyelia': ('III/c', 'III/d'),
    'mahir': ('III/a', 'III/b'),
    'terampil': ('II/c', 'II/d'),
    'pemula': ('II/a', 'II/b'),
    }
PELAKSANA_RANKS = {
    'slta': ('II/a', 'II/d'), 'd3': ('II/c', 'III/b'),
    's1': ('III/a', 'III/c'), 's2': ('III/b', 'III/d')}
# Starting rank of a CPNS by diploma (S2 holders mostly entered with S1).
ENTRY_RANKS = {'slta': 'II/a', 'd3': 'II/c', 's1': 'III/a', 's2': 'III/a'}
PPPK_RANKS = {'slta': 'V', 'd3': 'VII', 's1': 'IX', 's2': 'X'}
ENTRY_AGES = {'slta': (19, 24), 'd3': (21, 26), 's1': (23, 29),
    's2': (23, 29)}
# Batas usia pensiun: 60 for JPT and Ahli Madya, 65 Ahli Utama, else 58.
RETIREMENT_AGES = {'jpt_pratama': 60, 'ahli_madya': 60, 'ahli_utama': 65}
LEVELS = [
    ('Ahli Utama', 'ahli_utama'), ('Ahli Madya', 'ahli_madya'),
    ('Ahli Muda', 'ahli_muda'), ('Ahli Pertama', 'ahli_pertama'),
    ('Penyelia', 'penyelia'), ('Mahir', 'mahir'),
    ('Terampil', 'terampil'), ('Pemula', 'pemula')]
PELAKSANA_EDUCATION = {
    "Operator Layanan Operasional": ['slta'],
    "Pengadministrasi Perkantoran": ['slta', 'd3'],
    "Pengolah Data dan Informasi": ['d3'],
    "Pengelola Barang Milik Daerah": ['d3', 's1'],
    "Penata Layanan Operasional": ['s1'],
    }
CSV_FIELDS = [
    'nip', 'name', 'gender', 'birth_date', 'tmt', 'asn_status', 'rank',
    'position', 'position_type', 'functional_level', 'unit_code',
    'unit_name', 'supervisor_nip', 'login']


def _named(node=ORGANISATION):
    "Yield the persons of the organisation that have a fixed login."
    for person in [node['head']] + node['staff']:
        if person and person.get('login'):
            yield person
    for child in node['children']:
        yield from _named(child)


DEMO_USERS = [{
        'login': p['login'], 'role': p['role'], 'name': p['name'],
        'position': p['position'],
        } for p in _named()]


class _Generator:
    "Draws the employees of the organisation from a seeded generator."

    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.nips = set()
        self.names = {_bare_name(p['name']) for p in _named()}
        self.units = []
        self.employees = []
        self.actings = []
        self.pimpinan = None

    def walk(self, node, code, parent=None, superior=None):
        "Add the unit `node` and its people; `superior` heads the parent."
        unit = {'code': code, 'name': node['name'], 'kind': node['kind'],
            'parent': parent and parent['code'], 'head': None}
        self.units.append(unit)
        head = node['head']
        if head:
            unit['head'] = self.person(
                head, 1, unit, superior or self.pimpinan)[0]
            if head.get('login') == 'pimpinan':
                self.pimpinan = unit['head']
        boss = unit['head'] or (None if node['acting'] else superior)
        if node['acting']:
            self.actings.append({'unit': code, 'login': node['acting']})
        for entry in node['staff']:
            self.person(entry, entry['count'], unit, boss)
        for i, child in enumerate(node['children'], 1):
            self.walk(child, '%s.%02d' % (code, i), unit,
                unit['head'] or superior)

    def person(self, spec, count, unit, supervisor):
        "Add `count` employees of `spec` to `unit`; return them."
        statuses = (['pppk'] * spec.get('pppk', 0)
            + ['cpns'] * spec.get('cpns', 0))
        statuses += ['pns'] * (count - len(statuses))
        result = []
        for status in statuses:
            employee = self.employee(spec, status)
            employee.update(unit=unit['code'], unit_name=unit['name'],
                supervisor=supervisor and supervisor['nip'])
            self.employees.append(employee)
            result.append(employee)
        return result

    def employee(self, spec, status):
        rng = self.rng
        position = spec['position']
        position_type = spec.get('position_type')
        level = next((l for n, l in LEVELS if n in position), None)
        if not position_type:
            position_type = 'fungsional' if level else 'pelaksana'
        role = level or position_type
        gender = spec.get('gender') or rng.choice(['male', 'female'])
        education = spec.get('education') or self.education(
            position, position_type, role)
        if status == 'pppk':
            rank = PPPK_RANKS[education]
            tmt = dt.date(rng.randint(2022, 2025), rng.randint(1, 12), 1)
            birth_year = tmt.year - rng.randint(24, 40)
        elif status == 'cpns':
            rank = ENTRY_RANKS[education]
            tmt = CPNS_TMT
            birth_year = tmt.year - rng.randint(*ENTRY_AGES[education])
        else:
            rank, tmt, birth_year = self.career(spec, role, education)
        birth = dt.date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        name = spec.get('name') or self.name(
            gender, education, position, AS_OF.year - birth_year)
        return {
            'nip': self.nip(birth, tmt, gender),
            'name': name,
            'gender': gender,
            'birth_date': birth,
            'tmt': tmt,
            'asn_status': status,
            'rank': rank,
            'position': position,
            'position_type': position_type,
            'functional_level': level if position_type == 'fungsional'
            else None,
            'login': spec.get('login'),
            'groups': spec.get('groups', []),
            'admin_opd': spec.get('admin_opd', False),
            }

    def education(self, position, position_type, role):
        rng = self.rng
        if position_type == 'jpt_pratama':
            return 's2'
        if position_type == 'administrator':
            return rng.choice(['s2', 's2', 's1'])
        if position_type == 'pengawas':
            return rng.choice(['s1', 's1', 's2'])
        if role in {'ahli_madya', 'ahli_utama'}:
            return rng.choice(['s1', 's2'])
        if role in {'ahli_muda', 'ahli_pertama'}:
            return rng.choice(['s1', 's1', 's1', 's2'])
        if role in {'penyelia', 'mahir', 'terampil', 'pemula'}:
            return 'd3'
        return rng.choice(PELAKSANA_EDUCATION.get(
                position, ['slta', 'd3', 's1']))

    def career(self, spec, role, education):
        """Return (rank, TMT, birth year) of a PNS: one rank every four
        years from the entry rank, retiring after AS_OF."""
        rng = self.rng
        entry = PNS_RANKS.index(ENTRY_RANKS[education])
        low, high = (ROLE_RANKS.get(role) or PELAKSANA_RANKS[education])
        choices = [r for r in PNS_RANKS[
                PNS_RANKS.index(low):PNS_RANKS.index(high) + 1]
            if PNS_RANKS.index(r) >= entry] or [PNS_RANKS[entry]]
        rank = spec.get('rank') or rng.choice(choices)
        steps = PNS_RANKS.index(rank) - entry
        extra = rng.randint(0, 3 if role != 'pelaksana' else 8)
        entry_age = rng.randint(*ENTRY_AGES[education])
        max_age = RETIREMENT_AGES.get(role, 58) - 1
        service = 4 * steps + extra
        while service + entry_age > max_age and extra:
            extra -= 1
            service -= 1
        entry_age = min(entry_age, max_age - service)
        tmt_year = AS_OF.year - 1 - service
        tmt = dt.date(tmt_year, rng.randint(1, 12), 1)
        return rank, tmt, tmt_year - entry_age

    def name(self, gender, education, position, age):
        "A new South Sulawesi name with titles."
        rng = self.rng
        while True:
            if gender == 'male':
                parts = [rng.choice(MALE_NAMES)]
                surname = rng.choice(FAMILY_NAMES + MALE_DAENG)
            else:
                parts = [rng.choice(FEMALE_NAMES)]
                if rng.random() < 0.2:
                    parts.insert(0, "St.")
                surname = rng.choice(FAMILY_NAMES + FEMALE_DAENG + [None])
            if rng.random() < 0.15 and parts[0] != "St.":
                parts.insert(0, "Andi")
            if surname and surname not in parts[-1]:
                parts.append(surname)
            bare = ' '.join(parts)
            if bare not in self.names:
                break
        self.names.add(bare)
        prefixes = [p for k, p in DOCTOR_PREFIXES if k in position][:1]
        if age >= 45 and rng.random() < 0.35:
            prefixes.append('H.' if gender == 'male' else 'Hj.')
        titles = _titles(position, education, rng)
        return ' '.join(prefixes + [bare]) + (', ' + titles if titles else '')

    def nip(self, birth, tmt, gender):
        "A unique NIP: birth date, TMT, gender and a sequence number."
        while True:
            nip = '%s%s%s%03d' % (birth.strftime('%Y%m%d'),
                tmt.strftime('%Y%m'), '1' if gender == 'male' else '2',
                self.rng.randint(1, 30))
            if nip not in self.nips:
                self.nips.add(nip)
                return nip


def _bare_name(name):
    "The name without academic titles and prefixes."
    name = name.split(',')[0]
    return ' '.join(w for w in name.split()
        if w not in {'Dr.', 'dr.', 'drg.', 'H.', 'Hj.'})


def _titles(position, education, rng):
    if education not in {'d3', 's1', 's2'}:
        return ''
    words = position.split()
    for keywords, bachelor, diploma, master in TITLES:
        if not keywords or any(
                k.split() == words[i:i + len(k.split())]
                for k in keywords for i in range(len(words))):
            break
    if education == 'd3':
        return rng.choice(diploma or ['A.Md.'])
    first = rng.choice(bachelor or ['S.Sos.'])
    if education == 's2':
        return ', '.join(t for t in [first, rng.choice(master or ['M.Si.'])]
            if t)
    return first


def build(seed=SEED):
    """Return (units, employees, actings) of the demo organisation.

    units: dicts (code, name, kind, parent code, head employee), parents
    first; employees: dicts of CSV_FIELDS plus groups and admin_opd;
    actings: dicts (unit code, login of the Plt)."""
    generator = _Generator(seed)
    generator.walk(ORGANISATION, ROOT_CODE)
    return generator.units, generator.employees, generator.actings


def employees_csv(seed=SEED):
    "The demo employees as CSV text (one row per employee)."
    _, employees, _ = build(seed)
    output = io.StringIO()
    writer = csv.DictWriter(output, CSV_FIELDS, extrasaction='ignore',
        lineterminator='\n')
    writer.writeheader()
    for employee in employees:
        writer.writerow(dict(employee, unit_code=employee['unit'],
                supervisor_nip=employee['supervisor']))
    return output.getvalue()


def load(database_name, config_file=None):
    """Load the demo data into `database_name` (skp_asn and skp_reports
    activated) in one transaction; return a summary dict.

    Idempotent: when the root unit exists the organisation is left alone,
    when the year's period exists the cycle is, and only the settings that
    differ are written."""
    if config_file:
        config.update_etc(config_file)
    if database_name not in Pool.database_list():
        with Transaction().start(database_name, 0, readonly=True):
            Pool(database_name).init()
    extras = {}
    while True:
        # Creating a singleton locks its table: start again with the lock.
        with Transaction().start(database_name, 0, **extras) as transaction:
            try:
                return _Loader().load()
            except TransactionError as error:
                transaction.rollback()
                error.fix(extras)


class _Loader:
    "Stores the built organisation with the ORM, in bulk."

    def __init__(self):
        self.pool = Pool()

    def load(self):
        Unit = self.pool.get('skp.unit')
        summary = {'created': False}
        CycleLoader.configuration()
        self.language()
        company = self.company()
        with Transaction().set_context(company=company.id):
            if not Unit.search([('code', '=', ROOT_CODE)], limit=1):
                summary.update(self.organisation(company))
                summary['created'] = True
            summary['cycle'] = CycleLoader(company).load()
        self.configure()
        return summary

    def company(self):
        pool = self.pool
        Company = pool.get('company.company')
        Currency = pool.get('currency.currency')
        Party = pool.get('party.party')
        companies = Company.search([('party.name', '=', COMPANY_NAME)])
        if companies:
            return companies[0]
        currency = (Currency.search([('code', '=', 'IDR')])
            or Currency.create([{
                        'name': "Indonesian Rupiah", 'code': 'IDR',
                        'numeric_code': '360', 'symbol': 'Rp',
                        'rounding': Decimal(1), 'digits': 0,
                        }]))[0]
        party, = Party.create([{'name': COMPANY_NAME}])
        company, = Company.create([{
                    'party': party.id, 'currency': currency.id,
                    'timezone': TIMEZONE,
                    }])
        return company

    def organisation(self, company):
        pool = self.pool
        Unit = pool.get('skp.unit')
        units, employees, actings = build()
        unit_ids = {}
        for depth in range(max(u['code'].count('.') for u in units) + 1):
            level = [u for u in units if u['code'].count('.') == depth]
            created = Unit.create([{
                        'code': u['code'], 'name': u['name'],
                        'kind': u['kind'], 'company': company.id,
                        'parent': unit_ids.get(u['parent']),
                        } for u in level])
            unit_ids.update((u['code'], c.id) for u, c in zip(level, created))
        employee_ids = self.employees(company, employees, unit_ids)
        Unit.write(*[a for u in units if u['head'] for a in (
                    [Unit(unit_ids[u['code']])],
                    {'head': employee_ids[u['head']['nip']]})])
        self.users(company, employees, employee_ids, unit_ids)
        self.actings(actings, employees, employee_ids, unit_ids)
        return {'units': len(units), 'employees': len(employees),
            'users': len(employees), 'actings': len(actings)}

    def employees(self, company, employees, unit_ids):
        "Create parties and employees, supervisors first."
        pool = self.pool
        Employee = pool.get('company.employee')
        Party = pool.get('party.party')
        # The NIP as party code spares a sequence call per party.
        parties = Party.create([
                {'name': e['name'], 'code': e['nip']} for e in employees])
        by_nip = {e['nip']: e for e in employees}

        def depth(employee):
            supervisor = by_nip.get(employee['supervisor'])
            return 1 + depth(supervisor) if supervisor else 0

        ids = {}
        pending = list(zip(employees, parties))
        levels = range(max(map(depth, employees)) + 1)
        # Small batches: on SQLite the NIP exclusion constraint is checked
        # with one OR term per record, and SQLite's parser stops near 100.
        for batch in (b for level in levels for b in grouped_slice(
                    [(e, p) for e, p in pending if depth(e) == level],
                    EMPLOYEE_BATCH)):
            batch = list(batch)
            created = Employee.create([{
                        'party': p.id, 'company': company.id,
                        'start_date': e['tmt'], 'nip': e['nip'],
                        'asn_status': e['asn_status'], 'rank': e['rank'],
                        'position': e['position'],
                        'position_type': e['position_type'],
                        'functional_level': e['functional_level'],
                        'unit': unit_ids[e['unit']],
                        'supervisor': ids.get(e['supervisor']),
                        } for e, p in batch])
            ids.update((e['nip'], c.id) for (e, _), c in zip(batch, created))
        return ids

    def users(self, company, employees, employee_ids, unit_ids):
        "One user per employee: the named logins, else the NIP."
        pool = self.pool
        User = pool.get('res.user')
        Lang = pool.get('ir.lang')
        ModelData = pool.get('ir.model.data')
        language, = Lang.search([('code', '=', LANGUAGE)])
        employee_group = ModelData.get_id('skp_asn', 'group_skp_employee')
        password_hash = User.hash_password(DEMO_PASSWORD)
        values = []
        for employee in employees:
            employee_id = employee_ids[employee['nip']]
            groups = [employee_group] + [
                ModelData.get_id('skp_asn', g) for g in employee['groups']]
            opd = employee['unit'].split('.')[:2]
            values.append({
                    'login': employee['login'] or employee['nip'],
                    'name': employee['name'],
                    'password_hash': password_hash,
                    'language': language.id,
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'employees': [('add', [employee_id])],
                    'employee': employee_id,
                    'groups': [('add', groups)],
                    'skp_admin_units': [('add', [unit_ids['.'.join(opd)]])]
                    if employee['admin_opd'] else [],
                    })
        users = User.create(values)
        User.validate_password(DEMO_PASSWORD, users)

    def actings(self, actings, employees, employee_ids, unit_ids):
        "The Plt assignments, from two weeks ago for three months."
        pool = self.pool
        Acting = pool.get('skp.acting')
        Date = pool.get('ir.date')
        today = Date.today()
        by_login = {e['login']: e for e in employees if e['login']}
        Acting.create([{
                    'employee': employee_ids[by_login[a['login']]['nip']],
                    'unit': unit_ids[a['unit']],
                    'kind': 'plt',
                    'start_date': today - dt.timedelta(days=14),
                    'end_date': today + dt.timedelta(days=76),
                    'decree': '800.1.3.2/%s/SK-Plt/%s' % (
                        a['unit'].replace('.', ''), today.year),
                    } for a in actings])

    def language(self):
        """Make Indonesian selectable as the users' language.

        Its translations are loaded by `trytond-admin -l id`; the database's
        default language comes from the trytond configuration ([database]
        language, written when trytond-admin creates the database)."""
        Lang = self.pool.get('ir.lang')
        language, = Lang.search([('code', '=', LANGUAGE)])
        if not language.translatable:
            Lang.write([language], {'translatable': True})

    def configure(self):
        """The company on admin and no module configuration wizard at
        admin's first login."""
        pool = self.pool
        User = pool.get('res.user')
        Company = pool.get('company.company')
        Item = pool.get('ir.module.config_wizard.item')
        items = Item.search([('state', '!=', 'done')])
        if items:
            Item.write(items, {'state': 'done'})
        company, = Company.search([('party.name', '=', COMPANY_NAME)])
        admin, = User.search([('login', '=', 'admin')])
        if not admin.company:
            User.write([admin], {
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    })


def logins_table():
    "The named demo logins as a text table."
    rows = [("login", "role", "name")] + [
        (u['login'], u['role'], u['name']) for u in DEMO_USERS]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ['  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
        for r in rows]
    lines.insert(1, '  '.join('-' * w for w in widths))
    lines.append("Other employees: login = their NIP. "
        "Password for all: %s" % DEMO_PASSWORD)
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-c', '--config', dest='config_file')
    parser.add_argument('-d', '--database', dest='database_name')
    parser.add_argument('--list', action='store_true',
        help="print the demo logins without touching any database")
    parser.add_argument('--csv', metavar='FILE',
        help="write the demo employees as CSV ('-' for stdout)")
    options = parser.parse_args(argv)
    if options.csv:
        text = employees_csv()
        if options.csv == '-':
            sys.stdout.write(text)
        else:
            with open(options.csv, 'w', encoding='utf-8') as file:
                file.write(text)
        return
    if not options.list:
        if not options.database_name:
            parser.error("-d DATABASE is required to load")
        start = time.monotonic()
        summary = load(options.database_name, options.config_file)
        loaded = []
        if summary['created']:
            loaded.append("%s units, %s employees and users, %s acting "
                "assignment(s)" % (summary['units'], summary['employees'],
                    summary['actings']))
        cycle = summary['cycle']
        if cycle:
            loaded.append("cycle %s: %s SKP, %s activities, %s service "
                "requests, %s evaluations (%s delivered)" % (cycle['year'],
                    cycle['skp'], cycle['activities'], cycle['requests'],
                    cycle.get('evaluations', 0), cycle.get('delivered', 0)))
        if loaded:
            print("Demo data loaded in %.1f s: %s." % (
                    time.monotonic() - start, '; '.join(loaded)))
        else:
            print("Demo data already loaded (%.1f s): nothing changed." % (
                    time.monotonic() - start))
    print(logins_table())


if __name__ == '__main__':
    main()
