# Predikat kinerja organisasi and the distribution curve it imposes on the
# predikat of the unit's people (SE MenPANRB 3/2023, DOMAIN §1.7, §1.8, §8).
from collections import Counter

from sql.aggregate import Count

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import scoring

ASSESSED = ['assessed', 'finalised', 'delivered']
BOUNDS = [
    ('max_pct', "At Most (%)"),
    ('min_pct', "At Least (%)"),
    ('min_count', "At Least (people)"),
    ]


class CurveRule(ModelSQL, ModelView):
    "One bound of the distribution curve for an organisation predikat."
    __name__ = 'skp.curve.rule'
    __string__ = "Distribution Curve Rule"

    org_predikat = fields.Selection(scoring.ORG_PREDIKATS,
        "Organisation Predikat", required=True, sort=False)
    predikats = fields.MultiSelection(scoring.PREDIKATS, "Predikats",
        required=True, sort=False)
    bound = fields.Selection(BOUNDS, "Bound", required=True, sort=False)
    value = fields.Integer("Value", required=True,
        domain=[('value', '>=', 0)])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('org_predikat', 'ASC'), ('id', 'ASC')]

    @classmethod
    def rules_for(cls, org_predikat):
        rules = [(tuple(r.predikats), r.bound, r.value)
            for r in cls.search([('org_predikat', '=', org_predikat)])]
        return rules or scoring.DEFAULT_CURVE[org_predikat]


class OrganisationPredikat(ModelSQL, ModelView):
    """The predikat of a unit for a period, set by the head one level up; it
    bounds the predikat of the unit's people."""
    __name__ = 'skp.org.predikat'
    __string__ = "Organisation Predikat"
    _log = True

    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='RESTRICT')
    kind = fields.Selection([
            ('periodic', "Periodic"),
            ('annual', "Annual"),
            ], "Kind", required=True)
    period = fields.Many2One('skp.period', "Period", required=True,
        ondelete='RESTRICT')
    evaluation_period = fields.Many2One('skp.period.evaluation',
        "Evaluation Period", ondelete='RESTRICT',
        domain=[('period', '=', Eval('period', -1))],
        states={
            'required': Eval('kind') == 'periodic',
            'invisible': Eval('kind') != 'periodic',
            })
    predikat = fields.Selection(scoring.ORG_PREDIKATS, "Predikat",
        required=True, sort=False)
    predikat_string = predikat.translated('predikat')
    note = fields.Text("Basis",
        help="Capaian of the Perjanjian Kinerja and the expectations "
        "the predikat rests on.")
    set_by = fields.Many2One('company.employee', "Set By", readonly=True,
        ondelete='RESTRICT')
    overrides = fields.One2Many('skp.curve.override', 'org_predikat',
        "Overrides", readonly=True)
    population = fields.Function(fields.Integer("People Assessed"),
        'get_distribution')
    count_sangat_baik = fields.Function(fields.Integer("Sangat Baik"),
        'get_distribution')
    count_baik = fields.Function(fields.Integer("Baik"), 'get_distribution')
    count_butuh_perbaikan = fields.Function(fields.Integer(
            "Butuh Perbaikan"), 'get_distribution')
    count_kurang = fields.Function(fields.Integer("Kurang / Misconduct"),
        'get_distribution')
    count_sangat_kurang = fields.Function(fields.Integer("Sangat Kurang"),
        'get_distribution')
    fits_curve = fields.Function(fields.Boolean("Fits the Curve"),
        'get_distribution')
    calibration = fields.Function(fields.Text("Calibration",
            help="Each bound broken and how many people would have to "
            "change predikat for the distribution to fit."),
        'get_distribution')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.unit, Index.Equality()),
                (t.period, Index.Equality())))
        cls._order = [('period', 'DESC'), ('unit', 'ASC'), ('id', 'ASC')]

    @classmethod
    def default_kind(cls):
        return 'annual'

    def get_rec_name(self, name):
        period = (self.evaluation_period or self.period).rec_name
        return '%s %s: %s' % (self.unit.rec_name, period,
            self.predikat_string)

    @classmethod
    def preprocess_values(cls, mode, values):
        pool = Pool()
        User = pool.get('res.user')
        values = super().preprocess_values(mode, values)
        if mode == 'create':
            employee = User(Transaction().user).employee
            values['set_by'] = employee.id if employee else None
        return values

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        if external:
            for record in records:
                record.check_setter()

    def check_setter(self):
        """DOMAIN §1.7: the head one level up (or their acting official)
        sets the predikat of a unit; city HR may record it for them."""
        pool = Pool()
        Employee = pool.get('company.employee')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        if ModelData.get_id('skp_asn', 'group_skp_admin') in (
                User.get_groups()):
            return
        allowed = set()
        if self.unit.head:
            appraiser, _ = Employee.get_appraisers(
                [self.unit.head])[self.unit.head.id]
            allowed.add(appraiser)
        parent = self.unit.parent
        while parent and not parent.head:
            parent = parent.parent
        if parent:
            allowed.add(parent.head)
        if not {e.id for e in allowed if e} & set(User.get_employees()):
            raise AccessError(gettext('skp_asn.msg_org_predikat_setter',
                    unit=self.unit.rec_name))

    @classmethod
    def validate_fields(cls, records, field_names):
        super().validate_fields(records, field_names)
        for record in records:
            others = cls.search([
                    ('id', '!=', record.id),
                    ('unit', '=', record.unit.id),
                    ('kind', '=', record.kind),
                    ('period', '=', record.period.id),
                    ('evaluation_period', '=', record.evaluation_period.id
                        if record.evaluation_period else None),
                    ], limit=1)
            if others:
                raise ValidationError(gettext(
                        'skp_asn.msg_org_predikat_unique',
                        record=record.rec_name))

    @classmethod
    def for_evaluation(cls, evaluation):
        "The record of the nearest unit up from the employee's unit."
        return cls.for_evaluations([evaluation])[evaluation]

    @classmethod
    def for_evaluations(cls, evaluations):
        """{evaluation: record of the nearest unit up from its employee's
        unit, or None}, with one search per kind and period."""
        groups = {}
        for evaluation in evaluations:
            key = (evaluation.kind, evaluation.skp.period.id,
                evaluation.evaluation_period.id
                if evaluation.kind == 'periodic' else None)
            groups.setdefault(key, []).append(evaluation)
        result = {}
        for (kind, period, evaluation_period), members in groups.items():
            domain = [
                ('kind', '=', kind),
                ('period', '=', period),
                ]
            if kind == 'periodic':
                domain.append(('evaluation_period', '=', evaluation_period))
            records = {r.unit: r for r in cls.search(domain)}
            for evaluation in members:
                unit = evaluation.employee.unit
                while unit and unit not in records:
                    unit = unit.parent
                result[evaluation] = records[unit] if unit else None
        return result

    def _population_domain(self):
        """The evaluations whose nearest unit up with a record of this kind
        and period is this record's: its unit's tree but the subtrees with
        a record of their own."""
        same = [('kind', '=', self.kind), ('period', '=', self.period.id)]
        if self.kind == 'periodic':
            same.append(
                ('evaluation_period', '=', self.evaluation_period.id))
        with without_check_access():
            inner = [r.unit.id for r in self.search(same + [
                        ('unit', 'child_of', [self.unit.id], 'parent'),
                        ('id', '!=', self.id),
                        ])]
        domain = [
            ('employee.unit', 'child_of', [self.unit.id], 'parent'),
            ('kind', '=', self.kind),
            ('skp.period', '=', self.period.id),
            ]
        if self.kind == 'periodic':
            domain.append(
                ('evaluation_period', '=', self.evaluation_period.id))
        if inner:
            domain.append(('employee.unit', 'not child_of', inner, 'parent'))
        return domain

    def census(self):
        """{(state, predikat): count} of the whole population, in one
        grouped query: the curve is the unit's, whoever checks it, not the
        part of it the user may read (DOMAIN §1.8)."""
        Evaluation = Pool().get('skp.evaluation')
        table = Evaluation.__table__()
        with without_check_access():
            ids = Evaluation.search(self._population_domain(), query=True)
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(
                table.state, table.predikat, Count(table.id),
                where=table.id.in_(ids),
                group_by=[table.state, table.predikat]))
        return {(state, predikat): count
            for state, predikat, count in cursor}

    def distribution(self, census=None):
        "(counts per predikat, violations) of the assessed evaluations."
        CurveRule = Pool().get('skp.curve.rule')
        if census is None:
            census = self.census()
        counts = Counter()
        for (state, predikat), count in census.items():
            if state in ASSESSED and predikat:
                counts[predikat] += count
        violations = scoring.curve_violations(
            CurveRule.rules_for(self.predikat), counts)
        return counts, violations

    @classmethod
    def get_distribution(cls, records, names):
        result = {n: {} for n in names}
        for record in records:
            counts, violations = record.distribution()
            values = {
                'population': sum(counts.values()),
                'fits_curve': not violations,
                'calibration': record._describe(violations),
                }
            for key, _ in scoring.PREDIKATS:
                values['count_' + key] = counts.get(key, 0)
            for name in names:
                result[name][record.id] = values[name]
        return result

    @staticmethod
    def _describe(violations):
        labels = dict(scoring.PREDIKATS)
        lines = []
        for predikats, bound, value, actual, minimum, maximum in violations:
            names = ' + '.join(labels[p] for p in predikats)
            if actual > maximum:
                lines.append(gettext('skp_asn.msg_curve_too_many',
                        predikats=names, actual=actual, maximum=maximum,
                        change=actual - maximum))
            else:
                lines.append(gettext('skp_asn.msg_curve_too_few',
                        predikats=names, actual=actual, minimum=minimum,
                        change=minimum - actual))
        return '\n'.join(lines)

    @classmethod
    def check_curve(cls, evaluations, found=None):
        """Finalising is blocked until the whole unit is assessed and its
        distribution fits the curve, unless HR recorded an override.
        `found` is for_evaluations(evaluations) when the caller has it."""
        if found is None:
            found = cls.for_evaluations(evaluations)
        records = set()
        for evaluation, record in found.items():
            if not record:
                # DOMAIN §1.7: the organisation's predikat comes first; the
                # curve of its people depends on it (§1.8).
                raise ValidationError(gettext(
                        'skp_asn.msg_curve_no_org_predikat',
                        evaluation=evaluation.rec_name))
            records.add(record)
        for record in records:
            census = record.census()
            pending = sum(count for (state, _), count in census.items()
                if state not in ASSESSED)
            if pending:
                raise ValidationError(gettext(
                        'skp_asn.msg_curve_pending', record=record.rec_name,
                        count=pending))
            counts, violations = record.distribution(census)
            if violations and not record.overrides:
                raise ValidationError(gettext(
                        'skp_asn.msg_curve_broken', record=record.rec_name,
                        details=record._describe(violations)))


class CurveOverride(ModelSQL, ModelView):
    "Admin BKPSDM's decision to let a unit finalise against the curve."
    __name__ = 'skp.curve.override'
    __string__ = "Distribution Curve Override"
    _log = True

    org_predikat = fields.Many2One('skp.org.predikat',
        "Organisation Predikat", required=True, ondelete='CASCADE')
    reason = fields.Text("Reason", required=True)

    @classmethod
    def validate_fields(cls, overrides, field_names):
        super().validate_fields(overrides, field_names)
        for override in overrides:
            if not (override.reason or '').strip():
                raise ValidationError(gettext(
                        'skp_asn.msg_curve_override_reason'))
