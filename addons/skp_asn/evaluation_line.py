# The lines of an evaluation: per IKI the target, realisation, capaian and the
# explanation of a missed target; per RHK and per core value the Pejabat
# Penilai's feedback (DOMAIN §1.11, §2.2).
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError, ValidationError

from . import scoring
from .evaluation_mask import RatingMaskMixin

_CENT = Decimal('0.01')

CAUSES = [
    (None, ""),
    ('resources', "Resources (people, budget, tools)"),
    ('process', "Process or Regulation"),
    ('external', "External Factors"),
    ('competence', "Competence"),
    ('planning', "Planning (target not realistic)"),
    ('other', "Other"),
    ]


class EvaluationLineMixin(RatingMaskMixin):
    """Lines follow the evaluation: its access, record rules, writer checks
    and rating mask apply to them too."""
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('evaluation')

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        if external and mode in {'create', 'delete'}:
            raise AccessError(gettext('skp_asn.msg_evaluation_lines_fixed'))
        if external and mode == 'write':
            for line in lines:
                line.evaluation.check_writer(set(values))


class EvaluationLine(EvaluationLineMixin, ModelSQL, ModelView):
    "Target, realisation and capaian of one IKI, with the explanation of a "
    "missed target (accountability)."
    __name__ = 'skp.evaluation.line'
    __string__ = "Evaluation Line"

    evaluation = fields.Many2One('skp.evaluation', "Evaluation",
        required=True, ondelete='CASCADE')
    iki = fields.Many2One('skp.iki', "IKI", required=True, readonly=True,
        ondelete='RESTRICT')
    rhk_kind = fields.Function(fields.Selection([
                ('utama', "Main (utama)"),
                ('tambahan', "Additional (tambahan)"),
                ], "RHK Kind"), 'get_rhk_kind')
    target_text = fields.Char("Target", readonly=True)
    target_min = fields.Numeric("Minimum Target", digits=(16, 2),
        readonly=True)
    target = fields.Numeric("Target Value", digits=(16, 2), readonly=True)
    direction = fields.Selection([
            ('higher', "Higher is better"),
            ('lower', "Lower is better"),
            ], "Direction", readonly=True)
    target_is_maximum = fields.Boolean("Target Is the Maximum Possible",
        readonly=True)
    computed_realisation = fields.Numeric("Realisation from Source",
        digits=(16, 2), readonly=True)
    realisation = fields.Numeric("Realisation", digits=(16, 2))
    realisation_reason = fields.Text("Reason for Changing the Realisation",
        help="Required when the realisation differs from its source.")
    capaian = fields.Function(fields.Numeric("Capaian (%)", digits=(16, 2)),
        'get_capaian')
    nilai = fields.Function(fields.Numeric("Nilai Capaian", digits=(16, 2)),
        'get_capaian')
    below_target = fields.Function(fields.Boolean("Below Target"),
        'get_capaian')
    # Accountability: required below target before submission (submit).
    obstacle = fields.Text("Obstacle")
    cause = fields.Selection(CAUSES, "Cause", sort=False)
    cause_string = cause.translated('cause')
    follow_up = fields.Text("Follow-up Plan")
    coaching_note = fields.Text("Coaching Note",
        help="The Pejabat Penilai's note on the missed target.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('evaluation', 'ASC'), ('id', 'ASC')]

    def get_rhk_kind(self, name):
        return self.iki.rhk.kind

    @classmethod
    def get_capaian(cls, lines, names):
        "DOMAIN §2.2 formulas; the rounding policy is the period's."
        result = {n: {} for n in names}
        for line in lines:
            value = scoring.capaian(line.realisation, line.target,
                line.target_min, line.direction)
            nilai = None
            if value is not None:
                nilai = scoring.nilai_capaian(value, line.target_is_maximum,
                    line.evaluation.skp.period.whole_percent)
            for name, v in [('capaian', value), ('nilai', nilai),
                    ('below_target', value is not None and value < 100)]:
                if name in names:
                    if name != 'below_target' and v is not None:
                        v = v.quantize(_CENT)
                    result[name][line.id] = v
        return result

    @classmethod
    def validate_fields(cls, lines, field_names):
        super().validate_fields(lines, field_names)
        if field_names and not (
                {'realisation', 'realisation_reason'} & field_names):
            return
        for line in lines:
            if (line.realisation != line.computed_realisation
                    and not (line.realisation_reason or '').strip()):
                raise ValidationError(gettext(
                        'skp_asn.msg_evaluation_realisation_reason',
                        iki=line.iki.rec_name))
            if line.realisation is not None and line.realisation < 0:
                raise ValidationError(gettext(
                        'skp_asn.msg_iki_realisation_negative',
                        iki=line.iki.rec_name))


class EvaluationResult(EvaluationLineMixin, ModelSQL, ModelView):
    "The Pejabat Penilai's feedback on one RHK."
    __name__ = 'skp.evaluation.result'
    __string__ = "Feedback per RHK"

    evaluation = fields.Many2One('skp.evaluation', "Evaluation",
        required=True, ondelete='CASCADE')
    rhk = fields.Many2One('skp.rhk', "RHK", required=True, readonly=True,
        ondelete='RESTRICT')
    feedback = fields.Text("Feedback")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('evaluation', 'ASC'), ('id', 'ASC')]


class EvaluationBehaviour(EvaluationLineMixin, ModelSQL, ModelView):
    "Feedback on one core value against the leader's expectation."
    __name__ = 'skp.evaluation.behaviour'
    __string__ = "Behaviour Feedback"

    evaluation = fields.Many2One('skp.evaluation', "Evaluation",
        required=True, ondelete='CASCADE')
    behaviour = fields.Many2One('skp.behaviour', "Core Value", required=True,
        readonly=True, ondelete='RESTRICT')
    expectation = fields.Text("Specific Expectation", readonly=True)
    feedback = fields.Text("Feedback")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('evaluation', 'ASC'), ('behaviour.sequence', 'ASC'),
            ('id', 'ASC')]
