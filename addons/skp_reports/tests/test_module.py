from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class SkpReportsTestCase(CompanyTestMixin, ModuleTestCase):
    "Test SKP reports module"
    module = 'skp_reports'


del ModuleTestCase
