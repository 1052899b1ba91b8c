# Creating the evaluations of many approved SKP at once (HR, Admin OPD,
# Pejabat Penilai).
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval, PYSONEncoder
from trytond.wizard import Button, StateAction, StateView, Wizard


class CreateEvaluation(Wizard):
    "Create the evaluations of the selected approved SKP."
    __name__ = 'skp.evaluation.create'
    start = StateView('skp.evaluation.create.start',
        'skp_asn.evaluation_create_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Create", 'create_', 'tryton-ok', default=True),
            ])
    create_ = StateAction('skp_asn.act_evaluation_form')

    def default_start(self, fields):
        periods = {s.period for s in self.records}
        return {
            'period': periods.pop().id if len(periods) == 1 else None,
            }

    def do_create_(self, action):
        pool = Pool()
        Evaluation = pool.get('skp.evaluation')
        skps = [s for s in self.records
            if s.state in {'approved', 'superseded'}]
        if not skps:
            raise ValidationError(gettext(
                    'skp_asn.msg_evaluation_no_approved_skp'))
        # Reading them checks the caller may see these SKP.
        self.model.read([s.id for s in skps], ['state'])
        Evaluation.create_for(skps, self.start.kind,
            self.start.evaluation_period)
        action['pyson_domain'] = PYSONEncoder().encode(
            [('skp', 'in', [s.id for s in skps])])
        return action, {}


class CreateEvaluationStart(ModelView):
    __name__ = 'skp.evaluation.create.start'
    __string__ = "Create Evaluations"
    period = fields.Many2One('skp.period', "Period", readonly=True)
    kind = fields.Selection([
            ('periodic', "Periodic"),
            ('annual', "Annual"),
            ], "Kind", required=True)
    evaluation_period = fields.Many2One('skp.period.evaluation',
        "Evaluation Period",
        domain=[('period', '=', Eval('period', -1))],
        states={
            'required': Eval('kind') == 'periodic',
            'invisible': Eval('kind') != 'periodic',
            })

    @classmethod
    def default_kind(cls):
        return 'periodic'
