# Parties: an employee's party is their identity (name, NIP as code) and
# where notifications are mailed; party.xml restricts who changes and reads
# them.
from trytond.model import fields
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    skp_employees = fields.One2Many('company.employee', 'party',
        "Employees", readonly=True,
        help="The employees this party is the person of.")
