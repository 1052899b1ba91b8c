# Organisation units: Pemerintah Kota → OPD → bidang/bagian → seksi/subbag/
# UPT/kecamatan/kelurahan.
from trytond.model import (
    DeactivableMixin, Index, ModelSQL, ModelView, Unique, fields, tree)
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .res import SKPCacheMixin

UNIT_KINDS = [
    ('government', "Government"),
    ('opd', "Perangkat Daerah (OPD)"),
    ('division', "Bidang / Bagian"),
    ('section', "Seksi / Subbagian"),
    ('upt', "UPT"),
    ('district', "Kecamatan"),
    ('village', "Kelurahan"),
    ]


class Unit(SKPCacheMixin, DeactivableMixin, tree(), ModelSQL, ModelView):
    __name__ = 'skp.unit'
    __string__ = "Organisation Unit"
    _rec_name = 'name'

    code = fields.Char("Code", required=True, strip=True,
        help="Unit code as in SIMPEG/SIASN (unique).")
    name = fields.Char("Name", required=True, translate=False)
    kind = fields.Selection(UNIT_KINDS, "Kind", required=True, sort=False)
    parent = fields.Many2One('skp.unit', "Parent", ondelete='RESTRICT',
        domain=[('id', '!=', Eval('id', -1))])
    children = fields.One2Many('skp.unit', 'parent', "Children")
    head = fields.Many2One('company.employee', "Head (Kepala)",
        ondelete='SET NULL',
        help="The employee who leads the unit and assesses its people.")
    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='RESTRICT')
    employees = fields.One2Many('company.employee', 'unit', "Employees",
        readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'skp_asn.msg_unit_code_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.parent, Index.Range())))
        cls._order = [('code', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def default_kind(cls):
        return 'section'

    def get_rec_name(self, name):
        return self.name

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, value = clause[:3]
        if operator.startswith('!') or operator.startswith('not '):
            bool_op = 'AND'
        else:
            bool_op = 'OR'
        return [bool_op,
            ('name',) + tuple(clause[1:]),
            ('code',) + tuple(clause[1:]),
            ]
