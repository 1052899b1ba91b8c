from lxml import etree

from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction


class SkpReportsTestCase(CompanyTestMixin, ModuleTestCase):
    "Test SKP reports module"
    module = 'skp_reports'

    @with_transaction()
    def test_list_views_split_datetimes(self):
        """A date-time column of a list has the date or time widget: sao
        8.0 has no date-time column and cannot open such a list."""
        pool = Pool()
        View = pool.get('ir.ui.view')
        for view in View.search([
                    ('module', 'in', ['skp_asn', 'skp_reports']),
                    ('type', '=', 'tree'),
                    ]):
            Model = pool.get(view.model)
            for field in etree.fromstring(view.arch).iter('field'):
                name = field.get('name')
                if name not in Model._fields:
                    continue
                if Model._fields[name]._type in {'datetime', 'timestamp'}:
                    with self.subTest(view=view.rec_name, field=name):
                        self.assertIn(field.get('widget'), {'date', 'time'})


del ModuleTestCase
