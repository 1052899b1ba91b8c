# The realisation of an IKI over a date range, from the one source declared
# on it: activity outputs, a service metric, budget realisation or manual
# entries with evidence. Each source is one grouped query for all IKI.
import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sql.aggregate import Count, Sum
from sql.conditionals import Case

from trytond.backend import MAX_QUERY_PARAMS
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction

from .budget import absorption
from .ir import RuleExportMixin
from .tools import fresh

SOURCES = [
    ('manual', "Manual Entry with Evidence"),
    ('activities', "Sum of Verified Activity Outputs"),
    ('service', "Service Requests Completed on Time (%)"),
    ('budget', "Budget Absorption (%)"),
    ]


class IKI(metaclass=PoolMeta):
    __name__ = 'skp.iki'

    realisation_source = fields.Selection(SOURCES, "Realisation Source",
        required=True, sort=False)
    service_type = fields.Many2One('skp.service.type', "Service Type",
        ondelete='RESTRICT',
        states={'invisible': Eval('realisation_source') != 'service'},
        help="Empty for every service of the unit.")
    service_scope = fields.Selection([
            ('employee', "Requests Handled by the Employee"),
            ('unit', "Requests of the Employee's Unit"),
            ], "Service Scope",
        states={
            'invisible': Eval('realisation_source') != 'service',
            'required': Eval('realisation_source') == 'service',
            })
    budget_lines = fields.Many2Many('skp.budget.line-skp.iki', 'iki',
        'line', "Budget Lines",
        states={'invisible': Eval('realisation_source') != 'budget'})
    realisations = fields.One2Many('skp.iki.realisation', 'iki',
        "Manual Realisations",
        states={'invisible': Eval('realisation_source') != 'manual'})

    @classmethod
    def default_realisation_source(cls):
        return 'activities'

    @classmethod
    def default_service_scope(cls):
        return 'unit'

    @classmethod
    def get_realisations(cls, ikis, start, end):
        "Return {iki id: Decimal or None} for the dates start..end."
        ikis = fresh(cls, ikis)
        by_source = defaultdict(list)
        for iki in ikis:
            by_source[iki.realisation_source].append(iki)
        result = dict.fromkeys((i.id for i in ikis))
        for source, records in by_source.items():
            result.update(getattr(cls, '_realisation_' + source)(
                    records, start, end))
        return result

    @classmethod
    def _realisation_activities(cls, ikis, start, end):
        pool = Pool()
        Activity = pool.get('skp.activity')
        activity = Activity.__table__()
        cursor = Transaction().connection.cursor()
        result = {}
        for sub_ids in grouped_slice([i.id for i in ikis],
                MAX_QUERY_PARAMS):
            cursor.execute(*activity.select(
                    activity.iki, Sum(activity.output_quantity),
                    where=reduce_ids(activity.iki, sub_ids)
                    & (activity.state == 'verified')
                    & (activity.date >= start) & (activity.date <= end),
                    group_by=[activity.iki]))
            result.update((i, _decimal(v)) for i, v in cursor)
        return result

    @classmethod
    def _realisation_budget(cls, ikis, start, end):
        "Realised share of the pagu of the linked lines, up to end."
        pool = Pool()
        LineIKI = pool.get('skp.budget.line-skp.iki')
        Line = pool.get('skp.budget.line')
        Realisation = pool.get('skp.budget.realisation')
        link, line = LineIKI.__table__(), Line.__table__()
        realisation = Realisation.__table__()
        cursor = Transaction().connection.cursor()
        budgets, realised = {}, defaultdict(Decimal)
        ids = [i.id for i in ikis]
        for sub_ids in grouped_slice(ids, MAX_QUERY_PARAMS):
            sub_ids = list(sub_ids)  # used by two queries
            cursor.execute(*link.join(line, condition=link.line == line.id
                    ).select(link.iki, Sum(line.budget),
                    where=reduce_ids(link.iki, sub_ids),
                    group_by=[link.iki]))
            budgets.update((i, _decimal(v)) for i, v in cursor)
            cursor.execute(*link.join(realisation,
                    condition=link.line == realisation.line
                    ).select(link.iki, Sum(realisation.amount),
                    where=reduce_ids(link.iki, sub_ids)
                    & (realisation.date <= end),
                    group_by=[link.iki]))
            realised.update((i, _decimal(v)) for i, v in cursor)
        return {i: absorption(realised[i], b) for i, b in budgets.items()}

    @classmethod
    def _realisation_service(cls, ikis, start, end):
        "Share of the completed requests done on time."
        pool = Pool()
        Request = pool.get('skp.service.request')
        request = Request.__table__()
        cursor = Transaction().connection.cursor()
        result = {}
        for iki in ikis:
            employee = iki.rhk.skp.employee
            where = ((request.state == 'completed')
                & (request.completed_at >= start)
                & (request.completed_at < end + dt.timedelta(days=1)))
            if iki.service_scope == 'employee':
                where &= request.employee == employee.id
            else:
                where &= request.unit == (
                    employee.unit.id if employee.unit else None)
            if iki.service_type:
                where &= request.service_type == iki.service_type.id
            cursor.execute(*request.select(Count(request.id),
                    Sum(Case((request.on_time, 1), else_=0)),
                    where=where))
            total, on_time = cursor.fetchone()
            result[iki.id] = (Decimal(on_time or 0) * 100 / total).quantize(
                Decimal('0.01')) if total else None
        return result

    @classmethod
    def _realisation_manual(cls, ikis, start, end):
        "The latest manual value entered for a period ending by `end`."
        pool = Pool()
        Realisation = pool.get('skp.iki.realisation')
        result = {}
        for realisation in Realisation.search([
                    ('iki', 'in', [i.id for i in ikis]),
                    ('evaluation_period.end_date', '<=', end),
                    ('evaluation_period.end_date', '>=', start),
                    ], order=[('evaluation_period.end_date', 'ASC'),
                    ('id', 'ASC')]):
            result[realisation.iki.id] = realisation.value
        return result


def _decimal(value):
    return Decimal(str(value)) if value is not None else None


class IKIRealisation(RuleExportMixin, ModelSQL, ModelView):
    "A realisation entered by hand for one evaluation period; the evidence "
    "goes as attachments."
    __name__ = 'skp.iki.realisation'
    __string__ = "IKI Realisation"

    iki = fields.Many2One('skp.iki', "IKI", required=True,
        ondelete='CASCADE')
    evaluation_period = fields.Many2One('skp.period.evaluation',
        "Evaluation Period", required=True, ondelete='RESTRICT')
    value = fields.Numeric("Value", digits=(16, 2), required=True)
    note = fields.Text("Note")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # In __setup__: a class-level __access__ is replaced by the
        # metaclass, which left the realisations readable by anybody.
        cls.__access__.add('iki')
        cls._order = [('evaluation_period', 'ASC'), ('id', 'ASC')]

    @classmethod
    def validate_fields(cls, realisations, field_names):
        super().validate_fields(realisations, field_names)
        for realisation in realisations:
            if realisation.value < 0:
                raise ValidationError(gettext(
                        'skp_asn.msg_iki_realisation_negative',
                        iki=realisation.iki.rec_name))
