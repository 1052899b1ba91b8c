# Import of organisation units and employees from CSV or XLSX files shaped
# like a SIASN/SIMPEG export, shared by the client wizard (import_.py) and
# the `skp-import` command (import_command.py).
#
# Every row is checked against the rules of the models first and all errors
# are reported with their spreadsheet row (the header is row 1); nothing is
# written when one row fails. Records are keyed on the unit code and on the
# NIP, so importing a file again updates instead of duplicating, and they are
# written in bulk. This module must not import trytond.model at load time:
# that picks the database backend from the configuration, which the command
# reads first.
import re
from collections import defaultdict

from sql import Column

from trytond.pool import Pool
from trytond.tools import cursor_dict, grouped_slice
from trytond.transaction import Transaction, check_access, without_check_access

from .import_rows import RowChecker, _choices, _word, normalise_nip
from .import_units import (
    UNIT_COLUMNS, UNIT_KIND_ALIASES, UNIT_REQUIRED, UnitImportMixin,
    find_loops, levels)
from .import_users import UserImportMixin
from .nip import nip_error

# The first alias found in the header names the column; headers are compared
# in upper case with runs of spaces and underscores as one space.
EMPLOYEE_COLUMNS = {
    'nip': ('NIP BARU', 'NIP'),
    'name': ('NAMA', 'NAME'),
    'title_before': ('GELAR DEPAN',),
    'title_after': ('GELAR BELAKANG',),
    'asn_status': (
        'STATUS PEGAWAI', 'STATUS CPNS PNS', 'ASN STATUS', 'STATUS'),
    'rank': ('GOL AKHIR NAMA', 'GOLONGAN', 'GOL', 'RANK'),
    'position': ('JABATAN NAMA', 'NAMA JABATAN', 'JABATAN', 'POSITION'),
    'position_type': (
        'JENIS JABATAN', 'JENIS JABATAN NAMA', 'POSITION TYPE'),
    'functional_level': ('JENJANG', 'JENJANG JABATAN', 'FUNCTIONAL LEVEL'),
    'unit': ('UNOR ID', 'ID UNOR', 'KODE UNOR', 'UNIT CODE'),
    'supervisor': ('NIP ATASAN', 'SUPERVISOR NIP'),
    'email': ('EMAIL', 'E-MAIL', 'EMAIL GOV'),
    }
EMPLOYEE_REQUIRED = ('nip', 'name', 'asn_status', 'unit')
# Stored on company.employee; the others go to the party.
EMPLOYEE_FIELDS = (
    'asn_status', 'rank', 'position', 'position_type', 'functional_level',
    'unit', 'supervisor')

# Wordings of SIASN/SIMPEG and older exports besides the selection keys and
# labels. "Jabatan Fungsional Umum" became "jabatan pelaksana" (PermenPANRB
# 41/2018); "Jabatan Struktural" is not accepted: it may be JPT,
# administrator or pengawas.
STATUS_ALIASES = {'p': 'pns', 'c': 'cpns', 'p3k': 'pppk'}
POSITION_TYPE_ALIASES = {
    'jabatan pimpinan tinggi madya': 'jpt_madya',
    'jabatan pimpinan tinggi pratama': 'jpt_pratama',
    'jabatan administrator': 'administrator',
    'jabatan pengawas': 'pengawas',
    'jabatan pelaksana': 'pelaksana',
    'jabatan fungsional umum': 'pelaksana',
    'fungsional umum': 'pelaksana',
    'jfu': 'pelaksana',
    'jabatan fungsional': 'fungsional',
    'jabatan fungsional tertentu': 'fungsional',
    'fungsional tertentu': 'fungsional',
    'jft': 'fungsional',
    }
RANK_PATTERN = re.compile(
    r'^(?P<roman>[IVX]+)\s*[/.-]?\s*(?P<letter>[A-E])?$', re.IGNORECASE)
ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
    'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']
EMAIL_PATTERN = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def full_name(name, title_before='', title_after=''):
    """The name as written on official documents: "Dr. Andi Baso, S.Kom.,
    M.Si." for the titles "Dr." and "S.Kom., M.Si."."""
    name = ' '.join(t for t in [title_before, name] if t)
    title_after = title_after.lstrip(', ')
    return ', '.join(t for t in [name, title_after] if t)


def parse_rank(value, status):
    """Return the pangkat/golongan key of `value` for the ASN `status` or
    None: "III/a", "iii-A", "IIIa" for a PNS; "IX" or 9 for a PPPK."""
    if value.isdigit() and 1 <= int(value) <= len(ROMAN):
        value = ROMAN[int(value) - 1]
    match = RANK_PATTERN.match(value)
    if not match:
        return None
    roman, letter = match.group('roman').upper(), match.group('letter')
    if status == 'pppk':
        return roman if not letter and roman in ROMAN else None
    if letter and roman in {'I', 'II', 'III', 'IV'}:
        if roman != 'IV' and letter.lower() == 'e':
            return None
        return '%s/%s' % (roman, letter.lower())
    return None


class Importer(UnitImportMixin, UserImportMixin, RowChecker):
    """Check a units file and an employees file (both optional) and write
    them in the current transaction with the user's access rights.

    After run(): `errors` lists Error tuples (nothing is written when there
    is one) and `counts` the created, updated and unchanged records."""

    def __init__(self, company, create_users=False):
        super().__init__()
        pool = Pool()
        Employee = pool.get('company.employee')
        Unit = pool.get('skp.unit')
        self.company = company
        self.create_users = create_users
        self.statuses = _choices(Employee, 'asn_status', STATUS_ALIASES)
        self.position_types = _choices(
            Employee, 'position_type', POSITION_TYPE_ALIASES)
        self.functional_levels = _choices(Employee, 'functional_level', {})
        self.kinds = _choices(Unit, 'kind', UNIT_KIND_ALIASES)
        self.units_plan, self.employees_plan, self.users_plan = [], [], []
        self.pending_heads = {}

    def run(self, units=None, employees=None, dry_run=False):
        """Check the ImportFile `units` and `employees`, then write them
        unless an error is found or `dry_run` is set."""
        self._load()
        unit_rows = self._rows(units, UNIT_COLUMNS, UNIT_REQUIRED)
        employee_rows = self._rows(
            employees, EMPLOYEE_COLUMNS, EMPLOYEE_REQUIRED)
        self.file_nips = {normalise_nip(r.values['nip']): r.number
            for r in reversed(employee_rows)}
        self.file_codes = {r.values['code']: r.number
            for r in reversed(unit_rows)}
        if unit_rows:
            self._check_units(units, unit_rows)
        if employee_rows:
            self._check_employees(employees, employee_rows)
        order = {f.name: i for i, f in enumerate([units, employees]) if f}
        self.errors.sort(key=lambda e: (order[e.file], e.row or 0))
        if self.errors or dry_run:
            return
        with check_access():
            self._save_units()
            self._save_employees()
            self._save_heads()
        if self.users_plan:
            self._save_users()

    def _load(self):
        "Read the keys and values of the existing units and employees."
        pool = Pool()
        Employee = pool.get('company.employee')
        Party = pool.get('party.party')
        Unit = pool.get('skp.unit')
        cursor = Transaction().connection.cursor()
        unit = Unit.__table__()
        cursor.execute(*unit.select(unit.id, unit.code, unit.name, unit.kind,
                unit.parent, unit.head, unit.company))
        units = list(cursor_dict(cursor))
        employee = Employee.__table__()
        party = Party.__table__()
        cursor.execute(*employee.join(party,
                condition=employee.party == party.id).select(
                employee.id, employee.nip, employee.party, employee.company,
                party.name.as_('name'),
                *[Column(employee, f) for f in EMPLOYEE_FIELDS]))
        employees = list(cursor_dict(cursor))
        self.unit_codes = {u['id']: u['code'] for u in units}
        self.unit_ids = {c: i for i, c in self.unit_codes.items()}
        # Employees without a NIP are keyed on their id: they may be on a
        # supervisor loop or head a unit.
        self.employee_keys = {
            e['id']: e['nip'] or '#%s' % e['id'] for e in employees}
        self.employee_ids = {k: i for i, k in self.employee_keys.items()}
        self.units = {}
        for record in units:
            record['parent'] = self.unit_codes.get(record['parent'])
            record['head'] = self.employee_keys.get(record['head'])
            self.units[record['code']] = record
        self.employees = {}
        for record in employees:
            record['unit'] = self.unit_codes.get(record['unit'])
            record['supervisor'] = self.employee_keys.get(
                record['supervisor'])
            self.employees[self.employee_keys[record['id']]] = record

    def _check_nip(self, file, row, field, nip, pppk=None):
        error = nip_error(nip, pppk=pppk)
        if error:
            msg_id, params = error
            self._error(file, row.number, field, msg_id, nip=nip, **params)
        return not error

    def _employee_known(self, file, row, field, nip):
        if nip not in self.employees and nip not in self.file_nips:
            self._error(file, row.number, field,
                'msg_import_employee_unknown', nip=nip)

    def _check_loops(self, file, plan, parent, field):
        loops = find_loops(plan, parent)
        for key, loop in loops.items():
            if key not in plan:
                continue
            row, _ = plan[key]
            start = loop.index(key)
            loop = loop[start:] + loop[:start + 1]
            self._error(file, row.number, field, 'msg_import_loop',
                chain=' → '.join(self._name(k) for k in loop))

    def _name(self, key):
        if key.startswith('#'):
            return self.employees[key]['name']
        return key

    def _plan(self, plan, name, row, values, record):
        """Add to `plan` (row, values to create) or (row, changes of
        `record`) and count it."""
        if not record:
            self.counts[name + '_created'] += 1
            plan.append((row, values, None))
            return
        changes = {f: v for f, v in values.items()
            if v != record.get(f) and (f != 'email' or v)}
        if changes:
            self.counts[name + '_updated'] += 1
            plan.append((row, changes, record))
        else:
            self.counts[name + '_unchanged'] += 1

    def _check_employees(self, file, rows):
        administered = self._administered_units()
        if 'email' in self.labels[file]:
            self._load_emails()
        plan = {}
        for row in rows:
            values = self._employee_values(file, row, administered)
            if values:
                plan[values['nip']] = (row, values)

        def supervisor(nip):
            if nip in plan and 'supervisor' in plan[nip][1]:
                return plan[nip][1]['supervisor']
            return self.employees.get(nip, {}).get('supervisor')
        self._check_loops(file, plan, supervisor, 'supervisor')
        for nip, (row, values) in plan.items():
            record = self.employees.get(nip)
            self._plan(self.employees_plan, 'employees', row, values, record)
            if self.create_users and not (
                    nip in self.logins
                    or (record and record['id'] in self.user_employees)):
                self.users_plan.append(
                    (nip, values['name'], values.get('email')))
        self.counts['users_created'] = len(self.users_plan)

    def _employee_values(self, file, row, administered):
        "The values of an employees row, or None when it is wrong."
        count = len(self.errors)
        nip = normalise_nip(self._required(file, row, 'nip'))
        # A NI PPPK is checked as such (its status is checked below).
        status = self.statuses.keys.get(_word(row.values['asn_status']))
        pppk = status == 'pppk' if status else None
        if nip and not (self._check_nip(file, row, 'nip', nip, pppk)
                and self._first(file, row, 'nip', nip, self.file_nips)):
            return
        record = self.employees.get(nip, {})
        values = {'nip': nip, 'name': full_name(
                self._required(file, row, 'name'),
                row.values.get('title_before', ''),
                row.values.get('title_after', ''))}
        status = values['asn_status'] = (
            self._required(file, row, 'asn_status')
            and self._choice(file, row, 'asn_status', self.statuses))
        if 'rank' in row.values:
            values['rank'] = self._rank(file, row, status)
        if 'position' in row.values:
            values['position'] = row.values['position'] or None
        before = len(self.errors)
        for field, choices in [
                ('position_type', self.position_types),
                ('functional_level', self.functional_levels)]:
            if field in row.values:
                values[field] = self._choice(file, row, field, choices)
        if len(self.errors) == before:
            self._check_functional_level(file, row, {**record, **values})
        company = record.get('company', self.company)
        values['unit'] = unit = self._required(file, row, 'unit')
        if unit and not self._unit_known(unit):
            self._error(file, row.number, 'unit', 'msg_import_unit_unknown',
                code=unit)
        elif unit:
            self._check_company(file, row, 'unit', self.units.get(unit),
                company)
            if administered is not None:
                self._check_administered(
                    file, row, record, unit, administered)
        if 'supervisor' in row.values:
            supervisor = values['supervisor'] = normalise_nip(
                row.values['supervisor']) or None
            if supervisor:
                self._employee_known(file, row, 'supervisor', supervisor)
                self._check_company(file, row, 'supervisor',
                    self.employees.get(supervisor), company)
        if row.values.get('email'):
            values['email'] = row.values['email']
            if not EMAIL_PATTERN.match(values['email']):
                self._error(file, row.number, 'email', 'msg_import_email',
                    email=values['email'])
        if len(self.errors) == count:
            return values

    def _check_company(self, file, row, field, record, company):
        "The unit and the supervisor of an employee are of its company."
        if record and record['company'] != company:
            self._error(file, row.number, field, 'msg_import_other_company',
                value=row.values[field])

    def _rank(self, file, row, status):
        value = row.values['rank']
        if not value or not status:
            return None
        rank = parse_rank(value, status)
        if not rank:
            self._error(file, row.number, 'rank', 'msg_import_rank',
                value=value, status=status.upper(),
                values='I … XVII' if status == 'pppk' else 'I/a … IV/e')
        return rank

    def _check_functional_level(self, file, row, values):
        "DOMAIN §3: a jenjang for a functional position and only for it."
        if (values.get('position_type') == 'fungsional') != bool(
                values.get('functional_level')):
            field = ('functional_level' if 'functional_level' in row.values
                else 'position_type')
            self._error(file, row.number, field,
                'msg_employee_functional_level', employee=values['nip'])

    def _administered_units(self):
        """None when the user may import employees into any unit, else the
        ids of the unit trees the user administers (Admin OPD)."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        transaction = Transaction()
        if not transaction.user or ModelData.get_id(
                'skp_asn', 'group_skp_admin') in User.get_groups():
            return None
        with without_check_access():
            roots = {u.id for u in User(transaction.user).skp_admin_units}
        children = defaultdict(set)
        for record in self.units.values():
            if record['parent']:
                children[self.units[record['parent']]['id']].add(record['id'])
        result, todo = set(), list(roots)
        while todo:
            unit = todo.pop()
            if unit not in result:
                result.add(unit)
                todo.extend(children[unit])
        return result

    def _check_administered(self, file, row, record, unit, administered):
        "An Admin OPD imports only into and from the unit trees they manage."
        if self.unit_ids.get(unit) not in administered:
            self._error(file, row.number, 'unit',
                'msg_import_unit_not_administered',
                unit=self._unit_name(unit))
        if record and self.unit_ids.get(record['unit']) not in administered:
            self._error(file, row.number, 'nip',
                'msg_import_employee_not_administered',
                nip=record['nip'], unit=self._unit_name(record['unit']))

    def _load_emails(self):
        "The first e-mail address of each party."
        pool = Pool()
        Mechanism = pool.get('party.contact_mechanism')
        mechanism = Mechanism.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*mechanism.select(
                mechanism.party, mechanism.id, mechanism.value,
                where=mechanism.type == 'email',
                order_by=[mechanism.sequence.desc, mechanism.id.desc]))
        by_party = {party: (id_, value) for party, id_, value in cursor}
        for record in self.employees.values():
            record['email_mechanism'], record['email'] = by_party.get(
                record['party'], (None, None))

    def _save_employees(self):
        "Create the parties and the employees, supervisors first."
        pool = Pool()
        Employee = pool.get('company.employee')
        new = {v['nip']: v for _, v, r in self.employees_plan if not r}
        parties = self._create_parties(new)
        for nips in levels(new, lambda n: new[n].get('supervisor')):
            employees = Employee.create([dict(
                        self._employee_write_values(new[n]),
                        party=parties[n], company=self.company, nip=n)
                    for n in nips])
            self.employee_ids.update(zip(nips, map(int, employees)))
        updates = [(r, v) for _, v, r in self.employees_plan if r]
        self._write_parties([(r['party'], {'name': v['name']})
                for r, v in updates if 'name' in v])
        self._write(Employee, [(r['id'], self._employee_write_values(v))
                for r, v in updates])
        self._save_emails(parties)

    def _employee_write_values(self, values):
        values = {f: v for f, v in values.items() if f in EMPLOYEE_FIELDS}
        if values.get('unit'):
            values['unit'] = self.unit_ids[values['unit']]
        if values.get('supervisor'):
            values['supervisor'] = self.employee_ids[values['supervisor']]
        return values

    def _create_parties(self, new):
        """Return {NIP: party id} of new employees: the party coded with the
        NIP when there is one (a person who left and returns), else a new
        party coded with the NIP (which spares a sequence per party)."""
        # Not at the top: it reads the configuration (see the top comment).
        from trytond import backend
        pool = Pool()
        Party = pool.get('party.party')
        party = Party.__table__()
        cursor = Transaction().connection.cursor()
        result = {}
        for nips in grouped_slice(list(new), backend.MAX_QUERY_PARAMS):
            cursor.execute(*party.select(party.code, party.id,
                    where=party.code.in_(list(nips))))
            result.update(cursor)
        self._write_parties([(i, {'name': new[n]['name']})
                for n, i in result.items()])
        missing = [n for n in new if n not in result]
        # Without the empty address the client gets by default.
        parties = Party.create([{
                    'name': new[n]['name'], 'code': n, 'addresses': []}
                for n in missing])
        result.update(zip(missing, map(int, parties)))
        return result

    def _write_parties(self, changes):
        pool = Pool()
        Party = pool.get('party.party')
        self._write(Party, changes)

    def _save_emails(self, parties):
        "A new address replaces the party's first one or is added."
        pool = Pool()
        Mechanism = pool.get('party.contact_mechanism')
        updates, new = [], []
        for _, values, record in self.employees_plan:
            if not values.get('email'):
                continue
            if record and record['email_mechanism']:
                updates.append(
                    (record['email_mechanism'], {'value': values['email']}))
            else:
                party = record['party'] if record else parties[values['nip']]
                new.append({'party': party, 'type': 'email',
                        'value': values['email']})
        self._write(Mechanism, updates)
        Mechanism.create(new)

    @staticmethod
    def _write(Model, changes):
        "Write the (id, values) `changes` at once, grouped by values."
        groups = defaultdict(list)
        for id_, values in changes:
            if values:
                groups[tuple(sorted(values.items()))].append(id_)
        args = []
        for values, ids in groups.items():
            args.extend([Model.browse(ids), dict(values)])
        if args:
            Model.write(*args)
