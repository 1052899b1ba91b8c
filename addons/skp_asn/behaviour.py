# Perilaku kerja: the BerAKHLAK core values and their guides
# (SE MenPANRB 20/2021, DOMAIN §1.4), kept as data.
from trytond.model import ModelSQL, ModelView, Unique, fields


class Behaviour(ModelSQL, ModelView):
    __name__ = 'skp.behaviour'
    __string__ = "Core Value (BerAKHLAK)"

    sequence = fields.Integer("Sequence")
    code = fields.Char("Code", required=True)
    name = fields.Char("Name", required=True, translate=True)
    guides = fields.Text("Behaviour Guides", translate=True,
        help="The panduan perilaku of the core value.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'skp_asn.msg_behaviour_code_unique'),
            ]
        cls._order = [('sequence', 'ASC'), ('id', 'ASC')]
