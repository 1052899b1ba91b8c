# Summaries of the daily activities: minutes per employee and day against
# the daily minimum, and per month (DOMAIN §5, §8; AC28).
import datetime as dt

from sql import Literal
from sql.aggregate import Count, Sum
from sql.conditionals import Case
from sql.functions import Extract

from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool

from .ir import RuleExportMixin
from .workdays import working_days_in


def month_id(employee, date):
    """The id of an employee's month in skp.activity.month, from the keys
    (not an aggregate), so that reading months by id filters the activities
    before they are grouped, through an index on this same expression
    (skp.activity). The constants are cast: PostgreSQL matches an index
    expression only with the same operand types, and parameters arrive
    typed by their value (12 as smallint). The outer cast changes no value:
    trytond puts an index expression in parentheses only when it does not
    already start and end with one."""
    return (employee.cast('BIGINT') * Literal(100000).cast('BIGINT')
        + Extract('YEAR', date).cast('INTEGER')
        * Literal(12).cast('INTEGER')
        + Extract('MONTH', date).cast('INTEGER')).cast('BIGINT')


def day_id(employee, date):
    """The id of an employee's day in skp.activity.day, from the keys as
    month_id (employee, then the date as YYYYMMDD), for the same reason:
    the smallest activity id, as before, could only be filtered after
    grouping all the activities (a page of days took a second at city
    scale)."""
    return (employee.cast('BIGINT') * Literal(100000000).cast('BIGINT')
        + Extract('YEAR', date).cast('INTEGER')
        * Literal(10000).cast('INTEGER')
        + Extract('MONTH', date).cast('INTEGER')
        * Literal(100).cast('INTEGER')
        + Extract('DAY', date).cast('INTEGER')).cast('BIGINT')


class ActivityDay(RuleExportMixin, ModelSQL, ModelView):
    "Minutes per employee and day against the daily minimum (DOMAIN §5)."
    __name__ = 'skp.activity.day'
    __string__ = "Activities per Day"

    employee = fields.Many2One('company.employee', "Employee")
    date = fields.Date("Date")
    activities = fields.Integer("Activities")
    minutes = fields.Integer("Minutes Entered")
    verified_minutes = fields.Integer("Verified Minutes")
    minimum = fields.Integer("Daily Minimum")
    under_minimum = fields.Boolean("Under the Minimum")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('employee', 'ASC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Configuration = pool.get('skp.configuration')
        activity = Activity.__table__()
        minimum = Configuration(1).daily_minimum
        verified = Sum(Case((activity.state == 'verified', activity.minutes),
                else_=0))
        return activity.select(
            day_id(activity.employee, activity.date).as_('id'),
            activity.employee.as_('employee'),
            activity.date.as_('date'),
            Count(activity.id).as_('activities'),
            Sum(activity.minutes).as_('minutes'),
            verified.as_('verified_minutes'),
            Literal(minimum).as_('minimum'),
            (verified < minimum).as_('under_minimum'),
            group_by=[activity.employee, activity.date])


class ActivityMonth(RuleExportMixin, ModelSQL, ModelView):
    """Per employee and month: verified minutes, days under the minimum and
    the share of activities verified on time (DOMAIN §5, §8)."""
    __name__ = 'skp.activity.month'
    __string__ = "Activities per Month"

    employee = fields.Many2One('company.employee', "Employee")
    year = fields.Integer("Year")
    month = fields.Integer("Month")
    activities = fields.Integer("Activities")
    verified_minutes = fields.Integer("Verified Minutes")
    days_at_minimum = fields.Integer("Days at the Minimum",
        help="Days whose verified minutes reach the daily minimum.")
    days_under_minimum = fields.Function(fields.Integer(
            "Working Days under the Minimum",
            help="Working days of the month, up to today, whose verified "
            "minutes do not reach the daily minimum."),
        'get_days_under_minimum')
    verified = fields.Integer("Verified")
    verified_on_time = fields.Integer("Verified on Time")
    on_time_share = fields.Function(fields.Float("Verified on Time (%)",
            digits=(3, 1)), 'get_on_time_share')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('month', 'DESC'),
            ('employee', 'ASC'), ('id', 'ASC')]
        if cls._table_query_materialized():
            # Production may read the months from a materialized view
            # ([table_query_materialized] in the configuration,
            # docs/deployment.md): lists filter it by month and employee.
            t = cls.__table__()
            cls._sql_indexes.update({
                    Index(t, (t.year, Index.Equality()),
                        (t.month, Index.Equality())),
                    Index(t, (t.employee, Index.Equality())),
                    })

    @classmethod
    def table_query(cls):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Configuration = pool.get('skp.configuration')
        activity = Activity.__table__()
        minimum = Configuration(1).daily_minimum
        is_verified = activity.state == 'verified'
        day = activity.select(
            activity.employee.as_('employee'),
            activity.date.as_('date'),
            Count(activity.id).as_('activities'),
            Sum(Case((is_verified, activity.minutes), else_=0)
                ).as_('verified_minutes'),
            Sum(Case((is_verified, 1), else_=0)).as_('verified'),
            Sum(Case((is_verified & activity.verified_on_time, 1),
                    else_=0)).as_('verified_on_time'),
            group_by=[activity.employee, activity.date])
        # PostgreSQL extracts and sums the daily sums as numeric: back to
        # the integers of the fields
        integer = cls.activities.sql_type().base
        year = Extract('YEAR', day.date).cast(integer)
        month = Extract('MONTH', day.date).cast(integer)
        return day.select(
            month_id(day.employee, day.date).as_('id'),
            day.employee.as_('employee'),
            year.as_('year'),
            month.as_('month'),
            Sum(day.activities).cast(integer).as_('activities'),
            Sum(day.verified_minutes).cast(integer).as_('verified_minutes'),
            Sum(Case((day.verified_minutes >= minimum, 1), else_=0)
                ).cast(integer).as_('days_at_minimum'),
            Sum(day.verified).cast(integer).as_('verified'),
            Sum(day.verified_on_time).cast(integer).as_('verified_on_time'),
            group_by=[day.employee, year, month])

    @classmethod
    def refresh(cls):
        """Bring the materialized months up to date now (nothing to do when
        they are not materialized): before the month's reports go out."""
        cls._table_query_refresh(force=True)

    @classmethod
    def get_days_under_minimum(cls, months, name):
        pool = Pool()
        Configuration = pool.get('skp.configuration')
        Date = pool.get('ir.date')
        Holiday = pool.get('skp.holiday')
        days_per_week = int(Configuration(1).working_days)
        holidays = Holiday.dates()
        today = Date.today()
        working_days = {}
        result = {}
        for month in months:
            key = (month.year, month.month)
            if key not in working_days:
                start = dt.date(*key, 1)
                end = min((start + dt.timedelta(days=32)).replace(day=1)
                    - dt.timedelta(days=1), today)
                working_days[key] = working_days_in(
                    start, end, days_per_week, holidays)
            result[month.id] = max(
                working_days[key] - month.days_at_minimum, 0)
        return result

    @classmethod
    def get_on_time_share(cls, months, name):
        return {m.id: round(100.0 * m.verified_on_time / m.verified, 1)
            if m.verified else None for m in months}
