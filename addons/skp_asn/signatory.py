# The signatories of an approved SKP: a snapshot of the employee, the
# Pejabat Penilai and the Atasan Pejabat Penilai as they were when it was
# signed, so that later changes of master data do not rewrite it.
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError

from .ir import RuleExportMixin

SIGNATORY_ROLES = [
    ('employee', "Pegawai yang Dinilai"),
    ('appraiser', "Pejabat Penilai Kinerja"),
    ('superior', "Atasan Pejabat Penilai Kinerja"),
    ]


class Signatory(RuleExportMixin, ModelSQL, ModelView):
    "Who the employee and the appraisers were when the SKP was approved."
    __name__ = 'skp.signatory'
    __string__ = "SKP Signatory"

    skp = fields.Many2One('skp.skp', "SKP", required=True,
        ondelete='CASCADE')
    role = fields.Selection(SIGNATORY_ROLES, "Role", required=True)
    employee = fields.Many2One('company.employee', "Employee",
        ondelete='RESTRICT')
    name = fields.Char("Name")
    nip = fields.Char("NIP")
    rank = fields.Char("Pangkat/Golongan")
    position = fields.Char("Jabatan")
    unit = fields.Char("Unit Kerja")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('skp')
        cls._order = [('skp', 'ASC'), ('id', 'ASC')]

    @classmethod
    def check_modification(cls, mode, signatories, values=None,
            external=False):
        super().check_modification(
            mode, signatories, values=values, external=external)
        # A snapshot of what was signed: only the approval writes it.
        if external:
            raise AccessError(gettext('skp_asn.msg_skp_workflow_field',
                    fields='signatories'))

    @classmethod
    def from_employee(cls, role, employee):
        return cls(role=role, employee=employee,
            name=employee.party.name, nip=employee.nip,
            rank=employee.rank_string if employee.rank else None,
            position=employee.position,
            unit=employee.unit.name if employee.unit else None)
