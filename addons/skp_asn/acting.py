# Acting officials (Pelaksana Tugas / Pelaksana Harian): dated assignments
# that make someone the Pejabat Penilai of a unit's people (DOMAIN §1.9).

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval, If

from .res import SKPCacheMixin


class Acting(SKPCacheMixin, ModelSQL, ModelView):
    __name__ = 'skp.acting'
    __string__ = "Acting Assignment (Plt/Plh)"

    employee = fields.Many2One('company.employee', "Acting Official",
        required=True, ondelete='CASCADE')
    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='CASCADE',
        help="The unit whose head the official stands in for.")
    kind = fields.Selection([
            ('plt', "Pelaksana Tugas (Plt)"),
            ('plh', "Pelaksana Harian (Plh)"),
            ], "Kind", required=True)
    start_date = fields.Date("Start Date", required=True,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date("End Date", required=True,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('end_date', '>=', Eval('start_date')), ())])
    decree = fields.Char("Decree (SK)",
        help="The number of the decree that makes the assignment.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(
            Index(t, (t.start_date, Index.Range()),
                (t.end_date, Index.Range())))
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_kind(cls):
        return 'plt'

    def get_rec_name(self, name):
        return '%s %s: %s' % (
            self.kind_string, self.unit.rec_name, self.employee.rec_name)

    kind_string = kind.translated('kind')

    @classmethod
    def active_on(cls, date=None):
        pool = Pool()
        Date = pool.get('ir.date')
        date = date or Date.today()
        return cls.search([
                ('start_date', '<=', date),
                ('end_date', '>=', date),
                ])

    @classmethod
    def validate_fields(cls, actings, field_names):
        super().validate_fields(actings, field_names)
        cls.check_overlap(actings)

    @classmethod
    def check_overlap(cls, actings):
        "One acting official per unit at a time."
        for acting in actings:
            others = cls.search([
                    ('id', '!=', acting.id),
                    ('unit', '=', acting.unit.id),
                    ('start_date', '<=', acting.end_date),
                    ('end_date', '>=', acting.start_date),
                    ], limit=1)
            if others:
                raise ValidationError(gettext(
                        'skp_asn.msg_acting_overlap',
                        unit=acting.unit.rec_name,
                        other=others[0].rec_name))
