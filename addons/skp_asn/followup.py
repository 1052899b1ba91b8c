# After the evaluation: dialog kinerja along the year, tindak lanjut (the
# fourth stage, DOMAIN §1.2) and keberatan (PP 30/2019 Pasal 59, §1.9).
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval

from . import scoring
from .evaluation import _is_hr
from .evaluation_mask import RatingMaskMixin
from .ir import RuleExportMixin

OBJECTION_DAYS = 14  # PP 30/2019 Pasal 59
DECISION_FIELDS = {'decision', 'new_predikat', 'decision_note'}


class Dialog(RuleExportMixin, ModelSQL, ModelView):
    "A dialog kinerja between the leader and the employee."
    __name__ = 'skp.dialog'
    __string__ = "Performance Dialog"

    skp = fields.Many2One('skp.skp', "SKP", required=True,
        ondelete='CASCADE')
    date = fields.Date("Date", required=True)
    participants = fields.Many2Many('skp.dialog-company.employee', 'dialog',
        'employee', "Participants")
    topics = fields.Text("Topics", required=True)
    agreed_actions = fields.Text("Agreed Actions")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('skp')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()


class DialogEmployee(ModelSQL):
    __name__ = 'skp.dialog-company.employee'
    __string__ = "Dialog - Participant"
    dialog = fields.Many2One('skp.dialog', "Dialog", required=True,
        ondelete='CASCADE')
    employee = fields.Many2One('company.employee', "Employee",
        required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('dialog')


class FollowUp(RatingMaskMixin, ModelSQL, ModelView):
    "Tindak lanjut of a finalised evaluation: the employee's development "
    "record."
    __name__ = 'skp.follow_up'
    __string__ = "Follow-up"

    evaluation = fields.Many2One('skp.evaluation', "Evaluation",
        required=True, ondelete='CASCADE',
        domain=[('state', 'in', ['finalised', 'delivered'])])
    kind = fields.Selection([
            ('recognition', "Recognition"),
            ('development', "Development Plan"),
            ('measure', "Recommended Measure"),
            ], "Kind", required=True)
    description = fields.Text("Description", required=True)
    competencies = fields.Text("Competencies to Build",
        states={'invisible': Eval('kind') != 'development'})
    training = fields.Char("Training",
        states={'invisible': Eval('kind') != 'development'})
    target_date = fields.Date("Target Date")
    state = fields.Selection([
            ('planned', "Planned"),
            ('in_progress', "In Progress"),
            ('done', "Done"),
            ], "Status", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('evaluation')

    @classmethod
    def default_kind(cls):
        return 'development'

    @classmethod
    def default_state(cls):
        return 'planned'

    @classmethod
    def suggested_kind(cls, predikat):
        "Recognition for Sangat Baik, a measure from Butuh Perbaikan down."
        if predikat == 'sangat_baik':
            return 'recognition'
        if predikat in {'butuh_perbaikan', 'kurang', 'sangat_kurang'}:
            return 'measure'
        return 'development'

    @classmethod
    def check_modification(cls, mode, follow_ups, values=None,
            external=False):
        super().check_modification(
            mode, follow_ups, values=values, external=external)
        if external and not _is_hr():
            cls.check_recorder(follow_ups)

    @classmethod
    def check_recorder(cls, follow_ups):
        "The Pejabat Penilai records the tindak lanjut; the employee reads it."
        pool = Pool()
        Employee = pool.get('company.employee')
        Employee.check_appraiser_of(
            [(f.evaluation, f.evaluation.employee, f.evaluation.decision_date)
                for f in follow_ups],
            'skp_asn.msg_follow_up_own', 'skp_asn.msg_follow_up_not_appraiser')


class Objection(RatingMaskMixin, Workflow, ModelSQL, ModelView):
    "Keberatan: the employee objects to a delivered result; the Atasan "
    "Pejabat Penilai decides, finally."
    __name__ = 'skp.objection'
    __string__ = "Objection (Keberatan)"
    _log = True

    evaluation = fields.Many2One('skp.evaluation', "Evaluation",
        required=True, ondelete='CASCADE',
        states={'readonly': Eval('id', -1) >= 0},
        domain=[('state', '=', 'delivered')])
    date = fields.Date("Filed On", readonly=True)
    reason = fields.Text("Reason", required=True,
        states={'readonly': Eval('state') != 'filed'})
    decision = fields.Selection([
            (None, ""),
            ('upheld', "Result Upheld"),
            ('changed', "Result Changed"),
            ], "Decision", states={'readonly': Eval('state') != 'filed'})
    new_predikat = fields.Selection([(None, "")] + scoring.PREDIKATS,
        "New Predikat",
        states={
            'readonly': Eval('state') != 'filed',
            'required': Eval('decision') == 'changed',
            'invisible': Eval('decision') != 'changed',
            })
    decision_note = fields.Text("Decision Note",
        states={'readonly': Eval('state') != 'filed'})
    decided_by = fields.Many2One('company.employee', "Decided By",
        readonly=True, ondelete='RESTRICT')
    state = fields.Selection([
            ('filed', "Filed"),
            ('decided', "Decided"),
            ], "State", readonly=True, required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('evaluation')
        cls._transitions |= {('filed', 'decided')}
        cls._buttons.update({
                'decide': {
                    'invisible': Eval('state') != 'filed',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def default_state(cls):
        return 'filed'

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if mode == 'create':
            values['date'] = cls.default_date()
            values['state'] = 'filed'
            for name in ['decision', 'new_predikat', 'decided_by']:
                values.pop(name, None)
        return values

    @classmethod
    def check_modification(cls, mode, objections, values=None,
            external=False):
        super().check_modification(
            mode, objections, values=values, external=external)
        if mode == 'create' and external:
            for objection in objections:
                objection.check_filing()
        if mode in {'write', 'delete'}:
            for objection in objections:
                if objection.state == 'decided':
                    raise AccessError(gettext(
                            'skp_asn.msg_objection_decided',
                            objection=objection.rec_name))
                if mode == 'write' and external:
                    objection.check_writer(set(values))

    def check_writer(self, values):
        "The employee words the objection; the Atasan decides it."
        pool = Pool()
        User = pool.get('res.user')
        if values <= {'reason'}:
            if self.evaluation.employee.id not in User.get_employees():
                raise AccessError(gettext('skp_asn.msg_objection_not_owner',
                        evaluation=self.evaluation.rec_name))
        elif values <= DECISION_FIELDS:
            self.check_superior()
        else:
            raise AccessError(gettext('skp_asn.msg_objection_workflow_field',
                    fields=', '.join(sorted(
                            values - DECISION_FIELDS - {'reason'}))))

    def check_superior(self):
        "Only the Atasan Pejabat Penilai decides (DOMAIN §1.9)."
        pool = Pool()
        Employee = pool.get('company.employee')
        User = pool.get('res.user')
        employee = self.evaluation.employee
        _, superior = Employee.get_appraisers(
            [employee], self.date)[employee.id]
        if not superior or superior.id not in User.get_employees():
            raise AccessError(gettext('skp_asn.msg_objection_not_superior',
                    objection=self.rec_name,
                    superior=superior.rec_name if superior else '-'))
        return superior

    def check_filing(self):
        "Only the employee, within 14 days of delivery (DOMAIN §1.9, AC30)."
        pool = Pool()
        User = pool.get('res.user')
        evaluation = self.evaluation
        if evaluation.employee.id not in User.get_employees():
            raise AccessError(gettext('skp_asn.msg_objection_not_owner',
                    evaluation=evaluation.rec_name))
        deadline = evaluation.delivered_date + dt.timedelta(
            days=OBJECTION_DAYS)
        if self.date > deadline:
            raise ValidationError(gettext('skp_asn.msg_objection_late',
                    evaluation=evaluation.rec_name, deadline=deadline,
                    days=OBJECTION_DAYS))

    def get_rec_name(self, name):
        return self.evaluation.rec_name

    @classmethod
    @ModelView.button
    @Workflow.transition('decided')
    def decide(cls, objections):
        pool = Pool()
        Evaluation = pool.get('skp.evaluation')
        for objection in objections:
            evaluation = objection.evaluation
            superior = objection.check_superior()
            if not objection.decision:
                raise ValidationError(gettext(
                        'skp_asn.msg_objection_no_decision',
                        objection=objection.rec_name))
            objection.decided_by = superior
            if objection.decision == 'changed':
                # The decision is final and replaces the predikat.
                Evaluation.write([evaluation],
                    {'predikat': objection.new_predikat})
        cls.save(objections)
