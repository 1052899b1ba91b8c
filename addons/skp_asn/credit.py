# Angka kredit of functional positions from the annual predikat
# (PermenPANRB 1/2023, PerBKN 3/2023, DOMAIN §3); both tables are data.
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval

from . import scoring
from .employee import FUNCTIONAL_LEVELS


class CreditCoefficient(ModelSQL, ModelView):
    "The yearly angka kredit coefficient of a jenjang."
    __name__ = 'skp.credit.coefficient'
    __string__ = "Angka Kredit Coefficient"

    level = fields.Selection(FUNCTIONAL_LEVELS[1:], "Jenjang", required=True)
    coefficient = fields.Numeric("Coefficient per Year", digits=(16, 4),
        required=True, domain=[('coefficient', '>=', 0)])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('level_unique', Unique(t, t.level),
                'skp_asn.msg_credit_level_unique'),
            ]


class CreditPercent(ModelSQL, ModelView):
    "The share of the coefficient a predikat earns."
    __name__ = 'skp.credit.percent'
    __string__ = "Angka Kredit Percentage"

    predikat = fields.Selection(scoring.PREDIKATS, "Predikat", required=True)
    percent = fields.Numeric("Percent", digits=(16, 2), required=True,
        domain=[('percent', '>=', 0)])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('predikat_unique', Unique(t, t.predikat),
                'skp_asn.msg_credit_predikat_unique'),
            ]


class Evaluation(metaclass=PoolMeta):
    __name__ = 'skp.evaluation'

    credit_months = fields.Function(fields.Integer("Months",
            states={'invisible': ~Eval('credit')}), 'get_credit')
    credit = fields.Function(fields.Numeric("Angka Kredit", digits=(16, 3),
            help="For a functional position, from the annual predikat, "
            "pro-rated by the months of the SKP."), 'get_credit')

    @classmethod
    def get_credit(cls, evaluations, names):
        pool = Pool()
        Coefficient = pool.get('skp.credit.coefficient')
        Percent = pool.get('skp.credit.percent')
        coefficients = {c.level: c.coefficient for c in Coefficient.search([])}
        percents = {p.predikat: p.percent for p in Percent.search([])}
        result = {n: {} for n in names}
        for evaluation in evaluations:
            months = credit = None
            level = evaluation.employee.functional_level
            if evaluation.kind == 'annual' and level:
                months = _months(evaluation.start_date, evaluation.end_date)
                if evaluation.predikat:
                    credit = scoring.credit(evaluation.predikat, level,
                        months, percent=percents.get(evaluation.predikat),
                        coefficient=coefficients.get(level))
            for name, value in [('credit_months', months),
                    ('credit', credit)]:
                if name in names:
                    result[name][evaluation.id] = value
        return result


def _months(start, end):
    "Whole months covered by start..end, a started month counting."
    return min((end.year - start.year) * 12 + end.month - start.month + 1, 12)
