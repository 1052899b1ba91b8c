# Import of service requests from CSV or XLSX files shaped like a Dukcapil
# SIAK export, as a client wizard and as `skp-import --services`.
#
# As for the employees (importer.py): every row is checked first, all errors
# are reported with their spreadsheet row (the header is row 1) and nothing
# is written when one row fails. Requests are keyed on the unit and the
# number, so importing a file again updates instead of duplicating.
import datetime as dt
import re

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.tools import grouped_slice
from trytond.tools import timezone as tz
from trytond.transaction import Transaction, check_access, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .import_rows import (
    ImportFile, RowChecker, _choices, _word, normalise_nip)

# The first alias found in the header names the column (see importer.py).
SERVICE_COLUMNS = {
    'number': ('NOMOR', 'NOMOR PERMOHONAN', 'NO PERMOHONAN', 'NUMBER'),
    'service_type': (
        'KODE LAYANAN', 'JENIS LAYANAN', 'LAYANAN', 'SERVICE TYPE'),
    'unit': ('UNIT', 'KODE UNIT', 'UNOR ID', 'UNIT CODE'),
    'received_at': ('DITERIMA', 'TANGGAL DITERIMA', 'RECEIVED AT'),
    'completed_at': ('SELESAI', 'TANGGAL SELESAI', 'COMPLETED AT'),
    'employee': ('NIP PETUGAS', 'PETUGAS', 'HANDLED BY'),
    'state': ('STATUS', 'STATE'),
    }
SERVICE_REQUIRED = ('number', 'service_type', 'unit', 'received_at')
# The fields of skp.service.request an import writes.
SERVICE_FIELDS = (
    'number', 'unit', 'service_type', 'received_at', 'completed_at',
    'employee', 'state')
STATE_ALIASES = {
    'diterima': 'received',
    'proses': 'received',
    'dalam proses': 'received',
    'selesai': 'completed',
    'batal': 'cancelled',
    'dibatalkan': 'cancelled',
    }
NUMBER_PATTERN = re.compile(r'^[0-9A-Za-z][0-9A-Za-z./_-]{0,63}$')
# Seconds are optional; an XLSX date cell reads as "YYYY-MM-DD HH:MM:SS".
DATETIME_FORMATS = (
    '%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M',
    '%Y-%m-%dT%H:%M:%S')


def parse_datetime(value):
    "The naive datetime of `value` or None."
    for format_ in DATETIME_FORMATS:
        try:
            return dt.datetime.strptime(value, format_)
        except ValueError:
            pass
    return None


class ServiceImporter(RowChecker):
    """Check a service requests file and write it in the current transaction
    with the user's access rights.

    After run(): `errors` lists Error tuples (nothing is written when there
    is one) and `counts` the created, updated and unchanged requests."""

    def __init__(self, company):
        super().__init__()
        pool = Pool()
        Request = pool.get('skp.service.request')
        self.company = company
        self.states = _choices(Request, 'state', STATE_ALIASES)
        self.plan = []

    def run(self, services, dry_run=False):
        "Check the ImportFile `services`, then write it unless wrong or dry."
        rows = self._rows(services, SERVICE_COLUMNS, SERVICE_REQUIRED)
        if rows:
            self._load(rows)
            self._check(services, rows)
        self.errors.sort(key=lambda e: e.row or 0)
        if self.errors or dry_run:
            return
        with check_access():
            self._save()

    def _load(self, rows):
        "Read the service types, units, employees and requests of the rows."
        pool = Pool()
        Company = pool.get('company.company')
        Employee = pool.get('company.employee')
        Request = pool.get('skp.service.request')
        ServiceType = pool.get('skp.service.type')
        Unit = pool.get('skp.unit')
        values = {f: {r.values.get(f) for r in rows} - {None, ''}
            for f in ['service_type', 'unit', 'employee', 'number']}
        with without_check_access():
            self.types = {}
            for type_ in ServiceType.search([]):
                self.types.setdefault(type_.code.upper(), type_.id)
                self.types.setdefault(_word(type_.name), type_.id)
            self.units = {u.code: u for u in self._search(
                    Unit, 'code', values['unit'])}
            nips = {normalise_nip(n) for n in values['employee']}
            self.employees = {e.nip: e for e in self._search(
                    Employee, 'nip', nips)}
            self.requests = {(r.unit.id, r.number): r for r in self._search(
                    Request, 'number', values['number'])}
            company = Company(self.company)
            self.timezone = company.timezone
        self.administered = self._administered_units()

    @staticmethod
    def _search(Model, field, values):
        "The records of Model whose `field` is in `values`."
        # Not at the top: it reads the configuration (see importer.py).
        from trytond import backend
        records = []
        for sub_values in grouped_slice(
                sorted(values), backend.MAX_QUERY_PARAMS):
            records.extend(Model.search([(field, 'in', list(sub_values))]))
        return records

    def _administered_units(self):
        """None when the user may import into any unit, else the ids of the
        unit trees the user administers (Admin OPD)."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Unit = pool.get('skp.unit')
        User = pool.get('res.user')
        transaction = Transaction()
        if not transaction.user or ModelData.get_id(
                'skp_asn', 'group_skp_admin') in User.get_groups():
            return None
        with without_check_access():
            roots = [u.id for u in User(transaction.user).skp_admin_units]
            return {u.id for u in Unit.search(
                    [('parent', 'child_of', roots)])} if roots else set()

    def _check(self, file, rows):
        seen = {}
        for row in rows:
            values, record = self._values(file, row, seen)
            if values:
                self._plan(row, values, record)

    def _values(self, file, row, seen):
        """The values of a row (None when it is wrong) and the request of
        its unit and number. The optional columns missing from the file
        keep the request's values."""
        count = len(self.errors)
        values = {}
        number = values['number'] = self._required(file, row, 'number')
        if number and not NUMBER_PATTERN.match(number):
            self._error(file, row.number, 'number',
                'msg_service_import_number', number=number)
        values['unit'] = self._unit(file, row)
        if number and values['unit']:
            key = (values['unit'], number)
            if seen.get(key, row.number) != row.number:
                self._error(file, row.number, 'number',
                    'msg_import_duplicate', value=number, row=seen[key])
            seen.setdefault(key, row.number)
        code = self._required(file, row, 'service_type')
        if code:
            values['service_type'] = self.types.get(
                code.upper(), self.types.get(_word(code)))
            if not values['service_type']:
                self._error(file, row.number, 'service_type',
                    'msg_service_import_type_unknown', code=code)
        record = self.requests.get((values['unit'], number))
        if 'employee' in row.values:
            values['employee'] = self._employee(file, row)
        self._dates(file, row, values, record)
        completed_at = values.get(
            'completed_at', record.completed_at if record else None)
        state = self._choice(file, row, 'state', self.states)
        if not row.values.get('state') and 'completed_at' in values:
            state = 'completed' if completed_at else 'received'
        if state:
            values['state'] = state
        if state == 'completed' and not completed_at:
            self._error(file, row.number,
                'completed_at' if 'completed_at' in row.values else 'state',
                'msg_service_request_completion', request=number)
        return (values if len(self.errors) == count else None), record

    def _unit(self, file, row):
        "The id of the row's unit, if known, of the company and allowed."
        code = self._required(file, row, 'unit')
        if not code:
            return None
        unit = self.units.get(code)
        if not unit:
            self._error(file, row.number, 'unit',
                'msg_service_import_unit_unknown', code=code)
        elif unit.company.id != self.company:
            self._error(file, row.number, 'unit', 'msg_import_other_company',
                value=code)
        elif (self.administered is not None
                and unit.id not in self.administered):
            self._error(file, row.number, 'unit',
                'msg_service_import_unit_not_administered', unit=unit.name)
        else:
            return unit.id

    def _employee(self, file, row):
        nip = normalise_nip(row.values.get('employee', ''))
        if not nip:
            return None
        employee = self.employees.get(nip)
        if not employee:
            self._error(file, row.number, 'employee',
                'msg_service_import_employee_unknown', nip=nip)
        elif employee.company.id != self.company:
            self._error(file, row.number, 'employee',
                'msg_import_other_company', value=nip)
        else:
            return employee.id

    def _dates(self, file, row, values, record):
        """Set the received and completed times, written in the company's
        time zone in the file and stored in UTC."""
        self._required(file, row, 'received_at')
        for field in ['received_at', 'completed_at']:
            if field not in row.values:
                continue
            text = row.values[field]
            if not text:
                values[field] = None
                continue
            value = parse_datetime(text)
            if not value:
                self._error(file, row.number, field,
                    'msg_service_import_datetime', value=text)
            values[field] = self._utc(value)
        received = values['received_at']
        completed = values.get(
            'completed_at', record.completed_at if record else None)
        now = dt.datetime.now()
        if received and received > now:
            self._error(file, row.number, 'received_at',
                'msg_service_import_future', value=row.values['received_at'])
        if received and completed and completed < received:
            self._error(file, row.number,
                'completed_at' if 'completed_at' in row.values
                else 'received_at',
                'msg_service_import_dates',
                completed=row.values.get('completed_at', completed),
                received=row.values['received_at'])

    def _utc(self, value):
        if value and self.timezone:
            value = (value.replace(tzinfo=tz.get_tzinfo(self.timezone))
                .astimezone(tz.UTC).replace(tzinfo=None))
        return value

    def _plan(self, row, values, record):
        "Add (values to create) or (record, changes) to the plan; count it."
        if not record:
            self.counts['created'] += 1
            self.plan.append((None, values))
            return
        current = {f: getattr(record, f) for f in SERVICE_FIELDS}
        for field in ['unit', 'service_type', 'employee']:
            current[field] = current[field].id if current[field] else None
        changes = {f: v for f, v in values.items() if v != current[f]}
        if changes:
            self.counts['updated'] += 1
            self.plan.append((record, changes))
        else:
            self.counts['unchanged'] += 1

    def _save(self):
        pool = Pool()
        Request = pool.get('skp.service.request')
        for values in grouped_slice(
                [v for r, v in self.plan if not r], 1000):
            Request.create(list(values))
        args = []
        for record, changes in self.plan:
            if record:
                args.extend([[Request(record.id)], changes])
        if args:
            Request.write(*args)


class ImportServiceRequests(Wizard):
    "Check and import service requests from a SIAK export."
    __name__ = 'skp.service.request.import'
    start = StateView('skp.service.request.import.start',
        'skp_asn.service_request_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()
    failed = StateView('skp.service.request.import.failed',
        'skp_asn.service_request_import_failed_view_form', [
            Button("Back", 'start', 'tryton-back'),
            Button("Close", 'end', 'tryton-close', default=True),
            ])
    done = StateView('skp.service.request.import.done',
        'skp_asn.service_request_import_done_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_import_(self):
        company = Transaction().context.get('company')
        if not company:
            raise UserError(gettext('skp_asn.msg_import_no_company'))
        data = self.start.file
        if not data:
            raise UserError(gettext('skp_asn.msg_service_import_no_file'))
        file = ImportFile(self.start.filename or 'services.csv', bytes(data))
        # The file is not kept in the wizard session.
        self.start.file = None
        importer = ServiceImporter(company)
        importer.run(file)
        if importer.errors:
            self.failed.errors = [e._asdict() for e in importer.errors]
            return 'failed'
        for name in ['created', 'updated', 'unchanged']:
            setattr(self.done, name, importer.counts[name])
        return 'done'

    def default_failed(self, fields):
        return {'errors': [e._default_values for e in self.failed.errors]}

    def default_done(self, fields):
        return {n: getattr(self.done, n)
            for n in ['created', 'updated', 'unchanged']}


class ImportServiceRequestsStart(ModelView):
    __name__ = 'skp.service.request.import.start'
    __string__ = "Import Service Requests"
    file = fields.Binary("File", filename='filename',
        help="CSV (UTF-8, comma or semicolon) or XLSX with the columns "
        "NOMOR, KODE LAYANAN, UNIT and DITERIMA (YYYY-MM-DD HH:MM) and "
        "optionally SELESAI, NIP PETUGAS and STATUS.")
    filename = fields.Char("File Name")


class ImportServiceRequestsFailed(ModelView):
    __name__ = 'skp.service.request.import.failed'
    __string__ = "Import Service Requests: Errors"
    errors = fields.One2Many('skp.employee.import.error', None, "Errors",
        readonly=True,
        help="Nothing was imported: correct these rows and import again.")


class ImportServiceRequestsDone(ModelView):
    __name__ = 'skp.service.request.import.done'
    __string__ = "Import Service Requests: Done"
    created = fields.Integer("Created", readonly=True)
    updated = fields.Integer("Updated", readonly=True)
    unchanged = fields.Integer("Unchanged", readonly=True)
