from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class SkpAsnTestCase(CompanyTestMixin, ModuleTestCase):
    "Test SKP ASN module"
    module = 'skp_asn'


del ModuleTestCase
