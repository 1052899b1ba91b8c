# Public-service time targets (e.g. Disdukcapil): service types with a
# target duration, requests measured against it, and per-month statistics
# (DOMAIN §6: the targets are configurable data, no national figure).
from decimal import Decimal

from sql import Literal, Null, Window
from sql.aggregate import Count, Max, Min, Sum
from sql.conditionals import Case
from sql.functions import Extract, RowNumber
from sql.operators import Div

from trytond.i18n import gettext
from trytond.model import (
    DeactivableMixin, Index, ModelSQL, ModelView, Unique, fields)
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval

from .ir import RuleExportMixin
from .workdays import working_days_between

DURATION_UNITS = [
    ('minutes', "Minutes"),
    ('hours', "Hours"),
    ('working_days', "Working Days"),
    ]


class ServiceType(DeactivableMixin, ModelSQL, ModelView):
    __name__ = 'skp.service.type'
    __string__ = "Service Type"

    code = fields.Char("Code", required=True)
    name = fields.Char("Name", required=True, translate=True)
    target_duration = fields.Numeric("Target Duration", digits=(16, 2),
        required=True, domain=[('target_duration', '>', 0)])
    duration_unit = fields.Selection(DURATION_UNITS, "Duration Unit",
        required=True, sort=False)
    legal_reference = fields.Char("Legal Reference",
        help="The standar pelayanan or regulation that sets the target.")
    example = fields.Boolean("Example Value",
        help="The target is an example to be replaced by the unit's "
        "standar pelayanan (DOMAIN §6).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'skp_asn.msg_service_type_code_unique'),
            ]
        cls._order = [('code', 'ASC'), ('id', 'ASC')]

    @classmethod
    def default_duration_unit(cls):
        return 'working_days'

    def get_rec_name(self, name):
        return self.name


class ServiceRequest(RuleExportMixin, ModelSQL, ModelView):
    __name__ = 'skp.service.request'
    __string__ = "Service Request"

    number = fields.Char("Number", required=True,
        help="The request number, unique in the unit.")
    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='RESTRICT')
    service_type = fields.Many2One('skp.service.type', "Service Type",
        required=True, ondelete='RESTRICT')
    received_at = fields.DateTime("Received At", required=True)
    completed_at = fields.DateTime("Completed At",
        domain=['OR',
            ('completed_at', '=', None),
            ('completed_at', '>=', Eval('received_at', None)),
            ])
    employee = fields.Many2One('company.employee', "Handled By",
        ondelete='RESTRICT')
    state = fields.Selection([
            ('received', "Received"),
            ('completed', "Completed"),
            ('cancelled', "Cancelled"),
            ], "Status", required=True, sort=False)
    turnaround = fields.Numeric("Turnaround", digits=(16, 2), readonly=True,
        help="In the unit of the service type's target.")
    on_time = fields.Boolean("On Time", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.unit, t.number),
                'skp_asn.msg_service_request_number_unique'),
            ]
        cls._sql_indexes.update({
                Index(t, (t.unit, Index.Equality()),
                    (t.received_at, Index.Range())),
                Index(t, (t.employee, Index.Equality()),
                    (t.received_at, Index.Range())),
                })
        cls._order = [('received_at', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_state(cls):
        return 'received'

    def get_rec_name(self, name):
        return self.number

    @classmethod
    def validate_fields(cls, requests, field_names):
        super().validate_fields(requests, field_names)
        for request in requests:
            if request.state == 'completed' and not request.completed_at:
                raise ValidationError(gettext(
                        'skp_asn.msg_service_request_completion',
                        request=request.rec_name))
            if (request.completed_at
                    and request.completed_at < request.received_at):
                raise ValidationError(gettext(
                        'skp_asn.msg_service_request_dates',
                        request=request.rec_name))

    @classmethod
    def compute_turnaround(cls, service_type, received_at, completed_at,
            holidays=()):
        "Return (turnaround, on time) in the unit of the target."
        if not completed_at or not service_type:
            return None, None
        if service_type.duration_unit == 'working_days':
            value = Decimal(working_days_between(
                    received_at.date(), completed_at.date(),
                    holidays=holidays))
        else:
            seconds = (completed_at - received_at).total_seconds()
            divisor = 60 if service_type.duration_unit == 'minutes' else 3600
            value = Decimal(str(round(seconds / divisor, 2)))
        return value, value <= service_type.target_duration

    @classmethod
    def _store_turnaround(cls, requests):
        pool = Pool()
        Holiday = pool.get('skp.holiday')
        holidays = Holiday.dates()
        args = []
        for request in requests:
            turnaround, on_time = cls.compute_turnaround(
                request.service_type, request.received_at,
                request.completed_at, holidays)
            if (turnaround, on_time) != (request.turnaround, request.on_time):
                args.extend(([request], {
                            'turnaround': turnaround,
                            'on_time': on_time,
                            }))
        if args:
            cls.write(*args)

    @classmethod
    def on_modification(cls, mode, requests, field_names=None):
        super().on_modification(mode, requests, field_names=field_names)
        # The computed values are recomputed when written directly too
        if mode == 'create' or (mode == 'write' and {
                    'service_type', 'received_at', 'completed_at',
                    'turnaround', 'on_time'}
                & set(field_names or [])):
            cls._store_turnaround(requests)


class ServiceStatsMixin:
    """Count, median and 90th percentile of the turnaround and the share on
    time per month, computed in SQL with window functions (nearest-rank
    percentiles, the same on PostgreSQL and SQLite)."""
    __slots__ = ()
    _group_columns = ()

    unit = fields.Many2One('skp.unit', "Unit")
    service_type = fields.Many2One('skp.service.type', "Service Type")
    year = fields.Integer("Year")
    month = fields.Integer("Month")
    requests = fields.Integer("Requests")
    on_time = fields.Integer("On Time")
    on_time_share = fields.Function(fields.Float("On Time (%)",
            digits=(3, 1)), 'get_on_time_share')
    median = fields.Numeric("Median Turnaround", digits=(16, 2))
    p90 = fields.Numeric("90th Percentile Turnaround", digits=(16, 2))

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('month', 'DESC'),
            ('unit', 'ASC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        Request = pool.get('skp.service.request')
        request = Request.__table__()
        # PostgreSQL extracts as numeric: back to the fields' integers
        year = cls.year.sql_cast(Extract('YEAR', request.received_at))
        month = cls.month.sql_cast(Extract('MONTH', request.received_at))
        keys = [getattr(request, c) for c in cls._group_columns]
        # Cast: SQLite stores decimals as bytes, which sort as text
        turnaround = Request.turnaround.sql_cast(request.turnaround)
        window = Window(keys + [year, month],
            order_by=[turnaround.asc, request.id.asc])
        ranked = request.select(
            request.id, *keys,
            year.as_('year'), month.as_('month'),
            request.turnaround, request.on_time,
            RowNumber(window=window).as_('rank'),
            Count(Literal(1), window=Window(keys + [year, month])
                ).as_('total'),
            where=(request.state == 'completed')
            & (request.turnaround != Null))
        columns = [getattr(ranked, c) for c in cls._group_columns]

        def rank_of(percent):
            # nearest rank: ceil(total * percent / 100)
            return Div(ranked.total * percent + 99, 100)
        return ranked.select(
            Min(ranked.id).as_('id'),
            *[c.as_(n) for c, n in zip(columns, cls._group_columns)],
            ranked.year, ranked.month,
            Count(ranked.id).as_('requests'),
            Sum(Case((ranked.on_time, 1), else_=0)).as_('on_time'),
            Max(Case((ranked.rank == rank_of(50), ranked.turnaround))
                ).as_('median'),
            Max(Case((ranked.rank == rank_of(90), ranked.turnaround))
                ).as_('p90'),
            group_by=columns + [ranked.year, ranked.month])

    def get_on_time_share(self, name):
        if self.requests:
            return round(100.0 * self.on_time / self.requests, 1)


class ServiceStatsUnit(
        RuleExportMixin, ServiceStatsMixin, ModelSQL, ModelView):
    "Service statistics per unit, service type and month."
    __name__ = 'skp.service.stats.unit'
    __string__ = "Service Statistics per Unit"
    _group_columns = ('unit', 'service_type')


class ServiceStatsEmployee(
        RuleExportMixin, ServiceStatsMixin, ModelSQL, ModelView):
    "Service statistics per employee, service type and month."
    __name__ = 'skp.service.stats.employee'
    __string__ = "Service Statistics per Employee"
    _group_columns = ('unit', 'service_type', 'employee')

    employee = fields.Many2One('company.employee', "Employee")
