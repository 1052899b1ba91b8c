# Rencana Hasil Kerja (RHK), their Indikator Kinerja Individu (IKI) and the
# rencana aksi per evaluation period (DOMAIN §1.3, §2.2, §7).
from sql import Null

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields, sequence_ordered
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .ir import RuleExportMixin
from .tools import drop_name_index

PERSPECTIVES = [
    (None, ""),
    ('customer', "Penerima Layanan"),
    ('process', "Proses Bisnis"),
    ('internal', "Penguatan Internal"),
    ('budget', "Anggaran"),
    ]
ASPECTS = [
    ('quantity', "Quantity"),
    ('quality', "Quality"),
    ('time', "Time"),
    ('cost', "Cost"),
    ]


class SKPLineMixin(RuleExportMixin):
    "Lines of an SKP are editable only while it is a draft."
    __slots__ = ()
    # The Many2One to the parent through which the line belongs to its SKP
    _skp_link = None

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Access and record rules follow the SKP
        cls.__access__.add(cls._skp_link)
        drop_name_index(cls)

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        if mode == 'write' and (values or {}).get(cls._skp_link):
            # A line moved elsewhere changes the SKP it goes to as well
            records = records + [
                cls(**{cls._skp_link: values[cls._skp_link]})]
        for record in records:
            record.get_skp().check_draft()
            record.get_skp().period.check_open()

    def get_skp(self):
        raise NotImplementedError


class RHK(SKPLineMixin, sequence_ordered(), ModelSQL, ModelView):
    __name__ = 'skp.rhk'
    __string__ = "Work Result Plan (RHK)"
    _skp_link = 'skp'

    skp = fields.Many2One('skp.skp', "SKP", required=True,
        ondelete='CASCADE')
    employee = fields.Function(fields.Many2One(
            'company.employee', "Employee"),
        'on_change_with_employee', searcher='search_employee')
    kind = fields.Selection([
            ('utama', "Main (utama)"),
            ('tambahan', "Additional (tambahan)"),
            ], "Kind", required=True, sort=False)
    name = fields.Text("Work Result Plan", required=True)
    parent = fields.Many2One('skp.rhk', "Leader's RHK Intervened",
        ondelete='RESTRICT',
        domain=[('skp.state', '=', 'approved')],
        states={
            'invisible': Eval('kind') != 'utama',
            },
        help="The RHK of the Pejabat Penilai this result contributes to.")
    org_target = fields.Many2One('skp.org.target', "Organisation Target",
        ondelete='RESTRICT',
        states={
            'invisible': Eval('kind') != 'utama',
            },
        help="For a unit's head: the Perjanjian Kinerja target this "
        "result takes up.")
    perspective = fields.Selection(PERSPECTIVES, "Perspective",
        help="Balanced scorecard perspective, for the quantitative "
        "approach.")
    perspective_string = perspective.translated('perspective')
    indicators = fields.One2Many('skp.iki', 'rhk', "Indicators (IKI)")
    interventions = fields.One2Many('skp.rhk', 'parent',
        "Intervening RHK", readonly=True,
        filter=[('skp.state', '!=', 'superseded')],
        help="Subordinates' RHK that contribute to this one.")
    gap = fields.Function(fields.Boolean("Gap",
            help="No subordinate's RHK intervenes in this one."),
        'get_gap', searcher='search_gap')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.skp, Index.Equality())),
                Index(t, (t.parent, Index.Equality()), where=t.parent != Null),
                })

    @classmethod
    def default_kind(cls):
        return 'utama'

    def get_skp(self):
        return self.skp

    @fields.depends('skp', '_parent_skp.employee')
    def on_change_with_employee(self, name=None):
        return self.skp.employee if self.skp else None

    @classmethod
    def search_employee(cls, name, clause):
        return [('skp.employee',) + tuple(clause[1:])]

    def get_rec_name(self, name):
        return self.name.splitlines()[0] if self.name else ''

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('name',) + tuple(clause[1:])]

    @classmethod
    def _intervened_query(cls):
        "The ids of the RHK that a current RHK intervenes in."
        pool = Pool()
        SKP = pool.get('skp.skp')
        table = cls.__table__()
        skp = SKP.__table__()
        return table.join(skp, condition=table.skp == skp.id).select(
            table.parent,
            where=(table.parent != Null) & (skp.state != 'superseded'))

    @classmethod
    def get_gap(cls, rhks, name):
        "True when no current RHK points to it, in one grouped query."
        cursor = Transaction().connection.cursor()
        result = dict.fromkeys((r.id for r in rhks), True)
        query = cls._intervened_query()
        query.where &= query.columns[0].in_(list(result))
        cursor.execute(*query)
        for parent, in cursor:
            result[parent] = False
        return result

    @classmethod
    def search_gap(cls, name, clause):
        _, operator, value = clause
        with_children = cls._intervened_query()
        if (operator == '=') == bool(value):
            return [('id', 'not in', with_children)]
        return [('id', 'in', with_children)]

    @classmethod
    def copy(cls, rhks, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('interventions', None)
        return super().copy(rhks, default=default)

    @classmethod
    def validate_fields(cls, rhks, field_names):
        super().validate_fields(rhks, field_names)
        cls.check_intervention(rhks, field_names)

    @classmethod
    def check_intervention(cls, rhks, field_names=None):
        """An RHK utama intervenes in an RHK of the Pejabat Penilai's
        approved SKP, or for a unit's head in a target of the unit
        (DOMAIN §7)."""
        if field_names and not (
                {'kind', 'parent', 'org_target', 'skp'} & field_names):
            return
        for rhk in rhks:
            if rhk.kind != 'utama':
                continue
            if not rhk.parent and not rhk.org_target:
                raise ValidationError(gettext(
                        'skp_asn.msg_rhk_no_intervention', rhk=rhk.rec_name))
            if Transaction().context.get('_skp_start_new'):
                # The new SKP after a change of job or of Pejabat Penilai
                # starts from the old plan; it is checked on submission.
                continue
            if rhk.parent:
                rhk.check_parent()
            if rhk.org_target:
                rhk.check_org_target()

    def check_parent(self):
        pool = Pool()
        Employee = pool.get('company.employee')
        skp, leader_skp = self.skp, self.parent.skp
        appraiser, _ = Employee.get_appraisers(
            [skp.employee], skp.start_date)[skp.employee.id]
        leaders = {appraiser, skp.employee.supervisor} - {None}
        if (leader_skp.employee not in leaders
                or leader_skp.state != 'approved'
                or leader_skp.start_date > skp.end_date
                or leader_skp.end_date < skp.start_date):
            raise ValidationError(gettext(
                    'skp_asn.msg_rhk_parent_not_leader',
                    rhk=self.rec_name, parent=self.parent.rec_name,
                    leader=leader_skp.employee.rec_name))

    def check_org_target(self):
        target = self.org_target
        if (target.unit.head != self.skp.employee
                or target.period != self.skp.period):
            raise ValidationError(gettext(
                    'skp_asn.msg_rhk_target_not_head',
                    rhk=self.rec_name, target=target.rec_name,
                    unit=target.unit.rec_name))


class IKI(SKPLineMixin, sequence_ordered(), ModelSQL, ModelView):
    __name__ = 'skp.iki'
    __string__ = "Individual Performance Indicator (IKI)"
    _skp_link = 'rhk'

    rhk = fields.Many2One('skp.rhk', "RHK", required=True,
        ondelete='CASCADE')
    name = fields.Text("Indicator", required=True)
    aspect = fields.Selection(ASPECTS, "Aspect", required=True, sort=False)
    aspect_string = aspect.translated('aspect')
    target_kind = fields.Selection([
            ('single', "Single Value"),
            ('range', "Range"),
            ('text', "Description"),
            ], "Target Kind", required=True, sort=False,
        help="A description is used with the qualitative approach.")
    target_min = fields.Numeric("Minimum Target", digits=(16, 2),
        states={
            'invisible': Eval('target_kind') != 'range',
            'required': Eval('target_kind') == 'range',
            })
    target = fields.Numeric("Target", digits=(16, 2),
        states={
            'invisible': Eval('target_kind') == 'text',
            'required': Eval('target_kind') != 'text',
            },
        help="The value to reach; the maximum of a range.")
    target_text = fields.Char("Target Description",
        states={
            'invisible': Eval('target_kind') != 'text',
            'required': Eval('target_kind') == 'text',
            })
    uom = fields.Char("Unit of Measure",
        help='For example "dokumen", "%", "hari".')
    direction = fields.Selection([
            ('higher', "Higher is better"),
            ('lower', "Lower is better"),
            ], "Direction", required=True,
        help="Lower is better for time or cost targets (DOMAIN §2.2).")
    target_is_maximum = fields.Boolean("Target Is the Maximum Possible",
        help="For example 100% of documents without findings "
        "(DOMAIN §2.2).")
    plans = fields.One2Many('skp.iki.plan', 'iki', "Action Plans")

    @classmethod
    def default_aspect(cls):
        return 'quantity'

    @classmethod
    def default_target_kind(cls):
        return 'single'

    @classmethod
    def default_direction(cls):
        return 'higher'

    @classmethod
    def default_target_is_maximum(cls):
        return False

    def get_skp(self):
        return self.rhk.skp

    def get_rec_name(self, name):
        return self.name.splitlines()[0] if self.name else ''

    @property
    def target_string(self):
        "The target as printed, in the user's language (1.200; 99,5)."
        if self.target_kind == 'text':
            return self.target_text or ''
        lang = Pool().get('ir.lang').get()

        def number(value):
            if value is None:
                return ''
            exponent = value.normalize().as_tuple().exponent
            return lang.format_number(value, max(0, -exponent))
        if self.target_kind == 'range':
            value = '%s - %s' % (number(self.target_min), number(self.target))
        else:
            value = number(self.target)
        return ('%s %s' % (value, self.uom or '')).strip()

    @classmethod
    def validate_fields(cls, ikis, field_names):
        super().validate_fields(ikis, field_names)
        cls.check_target(ikis, field_names)

    @classmethod
    def check_target(cls, ikis, field_names=None):
        if field_names and not (
                {'target_kind', 'target', 'target_min', 'target_text'}
                & field_names):
            return
        # A missing target is refused by the fields' required states.
        for iki in ikis:
            if (iki.target_kind == 'range'
                    and iki.target_min > iki.target):
                raise ValidationError(gettext(
                        'skp_asn.msg_iki_range', iki=iki.rec_name,
                        minimum=iki.target_min, maximum=iki.target))
            if iki.target_kind != 'text' and (
                    iki.target < 0 or (iki.target_min or 0) < 0):
                raise ValidationError(gettext(
                        'skp_asn.msg_iki_negative', iki=iki.rec_name))


class ActionPlan(SKPLineMixin, ModelSQL, ModelView):
    "Rencana aksi: what the employee plans for one evaluation period."
    __name__ = 'skp.iki.plan'
    __string__ = "Action Plan"
    _skp_link = 'iki'

    iki = fields.Many2One('skp.iki', "IKI", required=True,
        ondelete='CASCADE')
    evaluation_period = fields.Many2One('skp.period.evaluation',
        "Evaluation Period", required=True, ondelete='RESTRICT')
    name = fields.Text("Action", required=True)
    target = fields.Numeric("Target", digits=(16, 2))

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('evaluation_period', 'ASC'), ('id', 'ASC')]

    def get_skp(self):
        return self.iki.rhk.skp

    @classmethod
    def validate_fields(cls, plans, field_names):
        super().validate_fields(plans, field_names)
        for plan in plans:
            if plan.evaluation_period.period != plan.get_skp().period:
                raise ValidationError(gettext(
                        'skp_asn.msg_plan_period', plan=plan.rec_name,
                        period=plan.get_skp().period.rec_name))
