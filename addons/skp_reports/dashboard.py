# Dashboard figures for HR and the leadership, as grouped SQL views shown
# in graph and list views.
from sql.aggregate import Count, Min, Sum
from sql.conditionals import Case
from sql.functions import Extract

from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool


class VerificationDashboard(ModelSQL, ModelView):
    "Verification timeliness per unit and month."
    __name__ = 'skp.dashboard.verification'
    __string__ = "Verification Timeliness"

    unit = fields.Many2One('skp.unit', "Unit")
    year = fields.Integer("Year")
    month = fields.Integer("Month")
    submitted = fields.Integer("Submitted")
    verified = fields.Integer("Verified")
    verified_on_time = fields.Integer("Verified on Time")
    on_time_share = fields.Function(fields.Float("On Time (%)",
            digits=(3, 1)), 'get_on_time_share')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('month', 'DESC'), ('unit', 'ASC'),
            ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Employee = pool.get('company.employee')
        activity, employee = Activity.__table__(), Employee.__table__()
        # PostgreSQL extracts as numeric: back to the fields' integers
        year = cls.year.sql_cast(Extract('YEAR', activity.date))
        month = cls.month.sql_cast(Extract('MONTH', activity.date))
        verified = activity.state == 'verified'
        return activity.join(employee,
            condition=activity.employee == employee.id).select(
            Min(activity.id).as_('id'),
            employee.unit.as_('unit'),
            year.as_('year'), month.as_('month'),
            Sum(Case((activity.state != 'draft', 1), else_=0)
                ).as_('submitted'),
            Sum(Case((verified, 1), else_=0)).as_('verified'),
            Sum(Case((verified & activity.verified_on_time, 1), else_=0)
                ).as_('verified_on_time'),
            where=employee.unit != None,  # noqa: E711
            group_by=[employee.unit, year, month])

    def get_on_time_share(self, name):
        if self.verified:
            return round(100.0 * self.verified_on_time / self.verified, 1)


class BudgetDashboard(ModelSQL, ModelView):
    "Budget absorption per unit and period."
    __name__ = 'skp.dashboard.budget'
    __string__ = "Budget Absorption"

    unit = fields.Many2One('skp.unit', "Unit")
    period = fields.Many2One('skp.period', "Period")
    lines = fields.Integer("Budget Lines")
    budget = fields.Numeric("Pagu", digits=(16, 2))
    realised = fields.Numeric("Realised", digits=(16, 2))
    absorption = fields.Function(fields.Float("Absorption (%)",
            digits=(5, 1)), 'get_absorption')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('period', 'DESC'), ('unit', 'ASC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        Line = pool.get('skp.budget.line')
        Realisation = pool.get('skp.budget.realisation')
        line, realisation = Line.__table__(), Realisation.__table__()
        realised = realisation.select(realisation.line,
            Sum(realisation.amount).as_('amount'),
            group_by=[realisation.line])
        return line.join(realised, 'LEFT',
            condition=realised.line == line.id).select(
            Min(line.id).as_('id'),
            line.unit.as_('unit'), line.period.as_('period'),
            Count(line.id).as_('lines'),
            Sum(line.budget).as_('budget'),
            Sum(realised.amount).as_('realised'),
            group_by=[line.unit, line.period])

    def get_absorption(self, name):
        if self.budget:
            return round(float(self.realised or 0) * 100 / float(self.budget),
                1)
