# Performance periods: the SKP year and its evaluation periods
# (DOMAIN §1.10: SKP 1 Jan - 31 Dec, set by the end of January; periodic
# evaluation at a cadence the organisation chooses).
import datetime as dt

from dateutil.relativedelta import relativedelta

from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields)
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

CADENCE_MONTHS = {'monthly': 1, 'quarterly': 3, 'semester': 6, 'annual': 12}


class Period(Workflow, ModelSQL, ModelView):
    __name__ = 'skp.period'
    __string__ = "Performance Period"

    _states = {'readonly': Eval('state') != 'open'}
    _closed_cache = Cache('skp.period.closed', context=False)

    name = fields.Char("Name", required=True, states=_states)
    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='RESTRICT', states=_states)
    start_date = fields.Date("Start Date", required=True, states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date("End Date", required=True, states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('end_date', '>=', Eval('start_date')), ())])
    cadence = fields.Selection([
            ('monthly', "Monthly"),
            ('quarterly', "Quarterly"),
            ('semester', "Semester"),
            ], "Evaluation Cadence", required=True, states=_states,
        help="How often the periodic evaluation takes place.")
    skp_deadline = fields.Date("SKP Deadline", states=_states,
        help="An SKP approved after this date is flagged late "
        "(the end of the first month when empty).")
    scheme = fields.Selection([
            ('rating', "PermenPANRB 6/2022 (ratings)"),
            ('numeric', "PermenPANRB 8/2021 (numeric)"),
            ], "Evaluation Scheme", required=True, states=_states,
        help="Numeric for evaluations of years before 2022 (DOMAIN §2).")
    whole_percent = fields.Boolean("Round Capaian to Whole Percent",
        states=_states,
        help="Round the capaian before the nilai is computed, as the "
        "regulation's sample does (DOMAIN §2.2, §8).")
    evaluation_periods = fields.One2Many(
        'skp.period.evaluation', 'period', "Evaluation Periods",
        readonly=True)
    state = fields.Selection([
            ('open', "Open"),
            ('closed', "Closed"),
            ], "State", readonly=True, required=True, sort=False)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('name_company_unique', Unique(t, t.company, t.name),
                'skp_asn.msg_period_name_unique'),
            ]
        cls._sql_indexes.add(Index(t,
                (t.start_date, Index.Range()), (t.end_date, Index.Range())))
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('open', 'closed'), ('closed', 'open')}
        cls._buttons.update({
                'close': {
                    'invisible': Eval('state') != 'open',
                    'depends': ['state'],
                    },
                'reopen': {
                    'invisible': Eval('state') != 'closed',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def default_state(cls):
        return 'open'

    @classmethod
    def default_cadence(cls):
        return 'monthly'

    @classmethod
    def default_scheme(cls):
        return 'rating'

    @classmethod
    def default_whole_percent(cls):
        return False

    @property
    def deadline(self):
        # DOMAIN §1.3, §8: the SKP is set by the end of January
        return self.skp_deadline or (
            self.start_date + relativedelta(months=1, days=-1))

    @classmethod
    def for_date(cls, date, company=None):
        "Return the period containing date or None."
        company = company or Transaction().context.get('company')
        periods = cls.search([
                ('company', '=', company),
                ('start_date', '<=', date),
                ('end_date', '>=', date),
                ], limit=1)
        return periods[0] if periods else None

    def check_open(self):
        if self.state != 'open':
            raise AccessError(gettext('skp_asn.msg_period_closed',
                    period=self.rec_name))

    @classmethod
    def closed_ranges(cls):
        """(start, end, id) of the closed periods: asked by every activity
        saved, changed only when a period is closed or reopened."""
        ranges = cls._closed_cache.get(None)
        if ranges is None:
            table = cls.__table__()
            cursor = Transaction().connection.cursor()
            cursor.execute(*table.select(
                    table.start_date, table.end_date, table.id,
                    where=table.state == 'closed'))
            ranges = cls._closed_cache.set(None, tuple(cursor))
        return ranges

    @classmethod
    def on_modification(cls, mode, periods, field_names=None):
        super().on_modification(mode, periods, field_names=field_names)
        cls._closed_cache.clear()
        if mode == 'create' or (mode == 'write' and (
                    {'start_date', 'end_date', 'cadence'}
                    & set(field_names or []))):
            cls.generate_evaluation_periods(periods)

    @classmethod
    def generate_evaluation_periods(cls, periods):
        "(Re)build the evaluation periods that nothing refers to yet."
        pool = Pool()
        EvaluationPeriod = pool.get('skp.period.evaluation')
        to_create = []
        for period in periods:
            existing = {(e.start_date, e.end_date): e
                for e in period.evaluation_periods}
            wanted = list(period._evaluation_ranges())
            EvaluationPeriod.delete([e for k, e in existing.items()
                    if k not in wanted])
            for sequence, (start, end) in enumerate(wanted, 1):
                if (start, end) not in existing:
                    to_create.append({
                            'period': period.id,
                            'sequence': sequence,
                            'name': period._evaluation_name(start, end),
                            'start_date': start,
                            'end_date': end,
                            })
        EvaluationPeriod.create(to_create)

    def _evaluation_ranges(self):
        step = relativedelta(months=CADENCE_MONTHS[self.cadence])
        start = self.start_date
        while start <= self.end_date:
            end = min(start + step - dt.timedelta(days=1), self.end_date)
            yield start, end
            start = end + dt.timedelta(days=1)

    def _evaluation_name(self, start, end):
        if start.month == end.month:
            return start.strftime('%Y-%m')
        return '%s / %s' % (start.strftime('%Y-%m'), end.strftime('%Y-%m'))

    @classmethod
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, periods):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('open')
    def reopen(cls, periods):
        pass


class EvaluationPeriod(ModelSQL, ModelView):
    __name__ = 'skp.period.evaluation'
    __string__ = "Evaluation Period"

    period = fields.Many2One('skp.period', "Period", required=True,
        ondelete='CASCADE')
    sequence = fields.Integer("Sequence")
    name = fields.Char("Name", required=True)
    start_date = fields.Date("Start Date", required=True)
    end_date = fields.Date("End Date", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('period')
        cls._order = [('start_date', 'ASC'), ('id', 'ASC')]
