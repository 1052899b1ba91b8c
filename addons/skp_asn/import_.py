# The client wizard of the import of organisation units and employees
# (importer.py does the work).
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .import_rows import ImportFile
from .importer import Importer

COUNTS = [
    'units_created', 'units_updated', 'units_unchanged',
    'employees_created', 'employees_updated', 'employees_unchanged',
    'users_created']


class ImportEmployees(Wizard):
    "Check and import organisation units and employees from SIASN files."
    __name__ = 'skp.employee.import'
    start = StateView('skp.employee.import.start',
        'skp_asn.employee_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()
    failed = StateView('skp.employee.import.failed',
        'skp_asn.employee_import_failed_view_form', [
            Button("Back", 'start', 'tryton-back'),
            Button("Close", 'end', 'tryton-close', default=True),
            ])
    done = StateView('skp.employee.import.done',
        'skp_asn.employee_import_done_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_import_(self):
        company = Transaction().context.get('company')
        if not company:
            raise UserError(gettext('skp_asn.msg_import_no_company'))
        files = {}
        for name in ['units', 'employees']:
            data = getattr(self.start, name + '_file')
            if data:
                files[name] = ImportFile(
                    getattr(self.start, name + '_filename') or name,
                    bytes(data))
            # The files are not kept in the wizard session.
            setattr(self.start, name + '_file', None)
        if not files:
            raise UserError(gettext('skp_asn.msg_import_no_file'))
        importer = Importer(company, create_users=self.start.create_users)
        importer.run(**files)
        if importer.errors:
            self.failed.errors = [e._asdict() for e in importer.errors]
            return 'failed'
        for name in COUNTS:
            setattr(self.done, name, importer.counts[name])
        return 'done'

    def default_failed(self, fields):
        return {'errors': [e._default_values for e in self.failed.errors]}

    def default_done(self, fields):
        return {n: getattr(self.done, n) for n in COUNTS}


class ImportEmployeesStart(ModelView):
    __name__ = 'skp.employee.import.start'
    __string__ = "Import Organisation Units and Employees"
    units_file = fields.Binary("Organisation Units File",
        filename='units_filename',
        help="CSV (UTF-8, comma or semicolon) or XLSX with the columns "
        "UNOR ID, NAMA UNOR, JENIS UNOR and optionally DIATASAN ID and "
        "NIP KEPALA.")
    units_filename = fields.Char("Organisation Units File Name")
    employees_file = fields.Binary("Employees File",
        filename='employees_filename',
        help="CSV (UTF-8, comma or semicolon) or XLSX with the columns "
        "NIP BARU, NAMA, STATUS PEGAWAI, UNOR ID and optionally GELAR "
        "DEPAN, GELAR BELAKANG, GOL AKHIR NAMA, JABATAN NAMA, JENIS "
        "JABATAN, JENJANG, NIP ATASAN and EMAIL.")
    employees_filename = fields.Char("Employees File Name")
    create_users = fields.Boolean("Create Users",
        help="Create a user for each imported employee who has none: the "
        "login is the NIP, the group SKP Pegawai, and there is no password "
        "until it is set or reset.")


class ImportEmployeesFailed(ModelView):
    __name__ = 'skp.employee.import.failed'
    __string__ = "Import Organisation Units and Employees: Errors"
    errors = fields.One2Many('skp.employee.import.error', None, "Errors",
        readonly=True,
        help="Nothing was imported: correct these rows and import again.")


class ImportEmployeesError(ModelView):
    __name__ = 'skp.employee.import.error'
    __string__ = "Import Error"
    file = fields.Char("File", readonly=True)
    row = fields.Integer("Row", readonly=True)
    column = fields.Char("Column", readonly=True)
    message = fields.Text("Reason", readonly=True)


class ImportEmployeesDone(ModelView):
    __name__ = 'skp.employee.import.done'
    __string__ = "Import Organisation Units and Employees: Done"
    units_created = fields.Integer("Units Created", readonly=True)
    units_updated = fields.Integer("Units Updated", readonly=True)
    units_unchanged = fields.Integer("Units Unchanged", readonly=True)
    employees_created = fields.Integer("Employees Created", readonly=True)
    employees_updated = fields.Integer("Employees Updated", readonly=True)
    employees_unchanged = fields.Integer(
        "Employees Unchanged", readonly=True)
    users_created = fields.Integer("Users Created", readonly=True)
