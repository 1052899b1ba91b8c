# Realisasi anggaran: budget lines (program / kegiatan / sub-kegiatan and
# their pagu) per unit and year, and what is spent against them.
from collections import defaultdict
from decimal import Decimal

from sql.aggregate import Sum

from trytond.backend import MAX_QUERY_PARAMS
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction

ZERO = Decimal(0)


def absorption(realised, budget):
    "Serapan: the share of the pagu realised, in percent."
    if budget:
        return (realised * 100 / budget).quantize(Decimal('0.01'))


class BudgetLine(ModelSQL, ModelView):
    __name__ = 'skp.budget.line'
    __string__ = "Budget Line"

    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='RESTRICT')
    period = fields.Many2One('skp.period', "Period", required=True,
        ondelete='RESTRICT')
    program_code = fields.Char("Program Code")
    program = fields.Char("Program")
    activity_code = fields.Char("Kegiatan Code")
    activity = fields.Char("Kegiatan")
    code = fields.Char("Sub-kegiatan Code", required=True)
    name = fields.Char("Sub-kegiatan", required=True)
    budget = fields.Numeric("Pagu", digits=(16, 2), required=True,
        domain=[('budget', '>=', 0)])
    ikis = fields.Many2Many('skp.budget.line-skp.iki', 'line', 'iki',
        "IKI", help="The indicators this budget line finances.")
    realisations = fields.One2Many('skp.budget.realisation', 'line',
        "Realisations", readonly=True)
    realised = fields.Function(fields.Numeric("Realised", digits=(16, 2)),
        'get_amounts')
    remaining = fields.Function(fields.Numeric("Remaining", digits=(16, 2)),
        'get_amounts')
    absorption = fields.Function(fields.Numeric("Absorption (%)",
            digits=(5, 2)), 'get_amounts')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.unit, Index.Equality()), (t.period, Index.Equality())))
        cls._order = [('period', 'DESC'), ('code', 'ASC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        return '%s %s' % (self.code, self.name)

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            ('code',) + tuple(clause[1:]),
            ('name',) + tuple(clause[1:]),
            ]

    @classmethod
    def realised_amounts(cls, line_ids):
        "Sum of realisations per line, in one grouped query."
        pool = Pool()
        Realisation = pool.get('skp.budget.realisation')
        realisation = Realisation.__table__()
        cursor = Transaction().connection.cursor()
        result = dict.fromkeys(line_ids, ZERO)
        for sub_ids in grouped_slice(line_ids, MAX_QUERY_PARAMS):
            cursor.execute(*realisation.select(
                    realisation.line, Sum(realisation.amount),
                    where=reduce_ids(realisation.line, sub_ids),
                    group_by=[realisation.line]))
            for line, amount in cursor:
                result[line] = Decimal(str(amount or 0))
        return result

    @classmethod
    def validate_fields(cls, lines, field_names):
        super().validate_fields(lines, field_names)
        if not field_names or 'budget' in field_names:
            cls.check_realised(lines)

    @classmethod
    def check_realised(cls, lines):
        "The realisation of a line never exceeds its pagu."
        pool = Pool()
        Lang = pool.get('ir.lang')
        lang = Lang.get()
        realised = cls.realised_amounts([l.id for l in lines])
        for line in lines:
            if realised[line.id] > line.budget:
                raise ValidationError(gettext(
                        'skp_asn.msg_budget_exceeded', line=line.rec_name,
                        budget=lang.format_number(line.budget, 2),
                        realised=lang.format_number(realised[line.id], 2)))

    @classmethod
    def get_amounts(cls, lines, names):
        realised = cls.realised_amounts([l.id for l in lines])
        result = {n: {} for n in names}
        for line in lines:
            amount = realised[line.id]
            if 'realised' in names:
                result['realised'][line.id] = amount
            if 'remaining' in names:
                result['remaining'][line.id] = line.budget - amount
            if 'absorption' in names:
                result['absorption'][line.id] = absorption(
                    amount, line.budget)
        return result


class BudgetLineIKI(ModelSQL):
    __name__ = 'skp.budget.line-skp.iki'
    __string__ = "Budget Line - IKI"
    line = fields.Many2One('skp.budget.line', "Budget Line", required=True,
        ondelete='CASCADE')
    iki = fields.Many2One('skp.iki', "IKI", required=True,
        ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Linking is writing the budget line: HR only.
        cls.__access__.add('line')


class Realisation(ModelSQL, ModelView):
    "An amount spent against a budget line, entered directly or coming "
    "from a verified activity."
    __name__ = 'skp.budget.realisation'
    __string__ = "Budget Realisation"

    line = fields.Many2One('skp.budget.line', "Budget Line", required=True,
        ondelete='RESTRICT')
    unit = fields.Function(fields.Many2One('skp.unit', "Unit"),
        'on_change_with_unit', searcher='search_unit')
    date = fields.Date("Date", required=True)
    amount = fields.Numeric("Amount", digits=(16, 2), required=True,
        domain=[('amount', '>', 0)])
    document = fields.Char("Document Number",
        states={'required': ~Eval('activity')},
        help="SP2D / SPJ number; evidence files go as attachments.")
    description = fields.Char("Description")
    activity = fields.Many2One('skp.activity', "Activity", readonly=True,
        ondelete='RESTRICT')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.line, Index.Equality())))
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()

    @fields.depends('line', '_parent_line.unit')
    def on_change_with_unit(self, name=None):
        return self.line.unit if self.line else None

    @classmethod
    def search_unit(cls, name, clause):
        return [('line.unit',) + tuple(clause[1:])]

    @classmethod
    def validate_fields(cls, realisations, field_names):
        super().validate_fields(realisations, field_names)
        cls.check_budget(realisations, field_names)

    @classmethod
    def check_budget(cls, realisations, field_names=None):
        "Realisation above the pagu is refused."
        pool = Pool()
        Line = pool.get('skp.budget.line')
        if field_names and not ({'line', 'amount'} & field_names):
            return
        Line.check_realised(list({r.line for r in realisations}))


class RHK(metaclass=PoolMeta):
    "Per RHK: the pagu, realisation and serapan of the lines financing it."
    __name__ = 'skp.rhk'

    budget = fields.Function(fields.Numeric("Pagu", digits=(16, 2),
            help="The pagu of the budget lines linked to the RHK's "
            "indicators, each line counted once."),
        'get_budget')
    budget_realised = fields.Function(fields.Numeric("Budget Realised",
            digits=(16, 2)), 'get_budget')
    budget_absorption = fields.Function(fields.Numeric("Absorption (%)",
            digits=(5, 2)), 'get_budget')

    @classmethod
    def get_budget(cls, rhks, names):
        pool = Pool()
        Line = pool.get('skp.budget.line')
        LineIKI = pool.get('skp.budget.line-skp.iki')
        IKI = pool.get('skp.iki')
        line = Line.__table__()
        link = LineIKI.__table__()
        iki = IKI.__table__()
        cursor = Transaction().connection.cursor()
        # The lines of each RHK in one grouped query: a line financing two
        # of its indicators counts once; the pagu is read in SQL because
        # the employee reads their RHK, not the unit's budget lines.
        lines_of = defaultdict(dict)
        for sub_ids in grouped_slice([r.id for r in rhks], MAX_QUERY_PARAMS):
            cursor.execute(*link
                .join(iki, condition=link.iki == iki.id)
                .join(line, condition=link.line == line.id)
                .select(iki.rhk, line.id, line.budget,
                    where=reduce_ids(iki.rhk, sub_ids),
                    group_by=[iki.rhk, line.id, line.budget]))
            for rhk, line_id, budget in cursor:
                lines_of[rhk][line_id] = Decimal(str(budget))
        realised = Line.realised_amounts(
            list({l for lines in lines_of.values() for l in lines}))
        result = {n: {} for n in names}
        for rhk in rhks:
            lines = lines_of.get(rhk.id)
            budget = sum(lines.values()) if lines else None
            spent = sum(realised[l] for l in lines) if lines else None
            for name, value in [
                    ('budget', budget),
                    ('budget_realised', spent),
                    ('budget_absorption',
                        absorption(spent, budget) if lines else None)]:
                if name in names:
                    result[name][rhk.id] = value
        return result
