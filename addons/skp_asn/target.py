# Organisation targets: a unit's yearly Perjanjian Kinerja / IKU targets,
# the root of the cascade for the unit's head (DOMAIN §7).
from trytond.model import Index, ModelSQL, ModelView, fields


class OrganisationTarget(ModelSQL, ModelView):
    __name__ = 'skp.org.target'
    __string__ = "Organisation Target (Perjanjian Kinerja)"

    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='CASCADE')
    period = fields.Many2One('skp.period', "Period", required=True,
        ondelete='RESTRICT')
    sequence = fields.Integer("Sequence")
    code = fields.Char("Code")
    objective = fields.Char("Strategic Objective",
        help="The sasaran strategis the indicator measures.")
    indicator = fields.Char("Indicator (IKU)", required=True)
    target = fields.Numeric("Target", digits=(16, 2), required=True)
    uom = fields.Char("Unit of Measure")
    rhks = fields.One2Many('skp.rhk', 'org_target', "Heads' RHK",
        readonly=True,
        help="The RHK of the unit's head that take up this target.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.unit, Index.Equality()), (t.period, Index.Equality())))
        cls._order = [('period', 'DESC'), ('unit', 'ASC'),
            ('sequence', 'ASC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        label = '%s %s %s' % (self.indicator, self.target, self.uom or '')
        return label.strip()

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            ('indicator',) + tuple(clause[1:]),
            ('code',) + tuple(clause[1:]),
            ]
