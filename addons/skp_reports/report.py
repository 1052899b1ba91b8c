# PDF documents in the official layouts (DOMAIN §1.3, §1.11): HTML
# templates rendered by Tryton and converted by weasyprint.
import calendar
import datetime as dt
import os
from collections import defaultdict

from trytond.config import config
from trytond.i18n import gettext
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .document import DocumentReport

_STYLE = None


def style():
    global _STYLE
    if _STYLE is None:
        path = os.path.join(
            os.path.dirname(__file__), 'templates', 'style.css')
        with open(path) as file:
            _STYLE = file.read()
    return _STYLE


def person(employee):
    "The signature block of an employee as it is now."
    if not employee:
        return {}
    return {
        'name': employee.party.name,
        'nip': employee.nip,
        'rank': employee.rank_string if employee.rank else None,
        'position': employee.position,
        'unit': employee.unit.name if employee.unit else None,
        }


def snapshot(signatory):
    return {k: getattr(signatory, k) for k in [
            'name', 'nip', 'rank', 'position', 'unit']}


class BaseReport(DocumentReport):

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['style'] = style()
        context['place'] = config.get('skp', 'place', default='Makassar')
        return context


def skp_signatories(skp):
    """The signatories of an approved SKP as they were when approved, of a
    draft as they are today."""
    pool = Pool()
    Employee = pool.get('company.employee')
    people = defaultdict(dict)
    if skp.signatories:
        for signatory in skp.signatories:
            people[signatory.role] = snapshot(signatory)
    else:
        appraiser, superior = Employee.get_appraisers(
            [skp.employee], skp.decision_date)[skp.employee.id]
        people['employee'] = person(skp.employee)
        people['appraiser'] = person(appraiser)
        people['superior'] = person(superior)
    return people


class SKPReport(BaseReport):
    __name__ = 'skp.skp.report'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['signatories'] = skp_signatories
        return context


class EvaluationReport(BaseReport):
    __name__ = 'skp.evaluation.report'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['signatories'] = lambda e: skp_signatories(e.skp)
        return context


class ActivityReport(BaseReport):
    "Laporan aktivitas harian: one employee's month, day by day."
    __name__ = 'skp.activity.month.report'

    @classmethod
    def header_key(cls, record, data):
        return (('company', record.employee.company),)

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Day = pool.get('skp.activity.day')
        context = super().get_context(records, header, data)

        def activities(month):
            start, end = _month_range(month.year, month.month)
            return Activity.search([
                    ('employee', '=', month.employee.id),
                    ('date', '>=', start), ('date', '<=', end),
                    ], order=[('date', 'ASC'), ('start_time', 'ASC')])

        def days(month):
            start, end = _month_range(month.year, month.month)
            return Day.search([
                    ('employee', '=', month.employee.id),
                    ('date', '>=', start), ('date', '<=', end),
                    ], order=[('date', 'ASC')])
        context['activities'] = activities
        context['days'] = days
        context['person'] = person
        return context

    @classmethod
    def document_title(cls, records, data):
        return ', '.join('%s %04d-%02d' % (
                r.employee.party.name, r.year, r.month) for r in records[:3])


def check_unit_access(units):
    """Reports on a whole unit (its people's figures) may be printed by HR
    (Admin BKPSDM) and the leadership (Pimpinan) for any unit, by the head or
    acting head of a unit for the units below it, by an Admin OPD for the
    units of their OPD; the figures are then read without record rules, so
    that none is silently left out."""
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    Unit = pool.get('skp.unit')
    Acting = pool.get('skp.acting')
    if Transaction().user == 0 or not units:
        return
    groups = set(User.get_groups())
    if groups & {ModelData.get_id('skp_asn', 'group_skp_admin'),
            ModelData.get_id('skp_asn', 'group_skp_leader')}:
        return
    employees = set(User.get_employees())
    with without_check_access():
        tops = {u.id for u in Unit.search([('head', 'in', list(employees))])}
        tops |= {a.unit.id for a in Acting.active_on()
            if a.employee.id in employees}
        if ModelData.get_id('skp_asn', 'group_skp_admin_opd') in groups:
            for employee in pool.get('company.employee').browse(
                    list(employees)):
                unit = employee.unit
                while unit and unit.kind != 'opd':
                    unit = unit.parent
                if unit:
                    tops.add(unit.id)
        allowed = {u.id for u in Unit.search([
                    ('parent', 'child_of', list(tops)),
                    ])} if tops else set()
        for unit in Unit.browse(units):
            if unit.id not in allowed:
                raise AccessError(gettext(
                        'skp_reports.msg_unit_report_access',
                        unit=unit.rec_name))


class UnitReportMixin:
    "Check the access to the units reported on (check_unit_access)."
    __slots__ = ()

    @classmethod
    def check_access(cls, action, model, ids):
        super().check_access(action, model, ids)
        check_unit_access(ids)


class UnitRecapReport(UnitReportMixin, BaseReport):
    """Per employee of a unit tree for a month: verified minutes, days under
    the minimum, capaian and predikat, and the unit's curve."""
    __name__ = 'skp.unit.recap.report'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['recap'] = lambda unit: unit_recap(
            unit, data.get('year'), data.get('month'))
        return context

    @classmethod
    def document_title(cls, records, data):
        year, month = _year_month(data)
        return '%s %04d-%02d' % (
            ', '.join(r.name for r in records[:3]), year, month)


def _year_month(data):
    pool = Pool()
    Date = pool.get('ir.date')
    today = Date.today()
    return (data.get('year') or today.year, data.get('month') or today.month)


def _month_range(year, month):
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def unit_recap(unit, year=None, month=None):
    """The rows of the unit recap, each employee of the unit tree once, with
    figures read from the grouped summaries (no per-activity loop)."""
    with without_check_access():
        return _unit_recap(unit, year, month)


def _unit_recap(unit, year, month):
    pool = Pool()
    Employee = pool.get('company.employee')
    Month = pool.get('skp.activity.month')
    Evaluation = pool.get('skp.evaluation')
    OrgPredikat = pool.get('skp.org.predikat')
    year, month = _year_month({'year': year, 'month': month})
    start, end = _month_range(year, month)
    employees = Employee.search([
            ('unit', 'child_of', [unit.id], 'parent'),
            ], order=[('unit', 'ASC'), ('party.name', 'ASC')])
    ids = [e.id for e in employees]
    months = {m.employee.id: m for m in Month.search([
                ('employee', 'in', ids),
                ('year', '=', year), ('month', '=', month)])}
    evaluations = {}
    for evaluation in Evaluation.search([
                ('employee', 'in', ids),
                ('start_date', '<=', end), ('end_date', '>=', start),
                ], order=[('end_date', 'ASC')]):
        evaluations[evaluation.employee.id] = evaluation
    rows = []
    for employee in employees:
        summary = months.get(employee.id)
        evaluation = evaluations.get(employee.id)
        capaians = [l.capaian for l in evaluation.lines
            if l.capaian is not None] if evaluation else []
        rows.append({
                'employee': employee,
                'verified_minutes': summary.verified_minutes if summary else 0,
                'days_under_minimum': (summary.days_under_minimum
                    if summary else None),
                'on_time_share': summary.on_time_share if summary else None,
                'capaian': (sum(capaians) / len(capaians)
                    if capaians else None),
                'predikat': (evaluation.predikat_string
                    if evaluation and evaluation.predikat else None),
                })
    curves = OrgPredikat.search([
            ('unit', '=', unit.id),
            ['OR',
                ('evaluation_period.start_date', '<=', end),
                ('kind', '=', 'annual')],
            ], order=[('period', 'DESC')], limit=1)
    return {
        'year': year, 'month': month, 'rows': rows,
        'curve': curves[0] if curves else None,
        }


class DigestReport(BaseReport):
    "An appraiser's activities waiting for verification, per employee."
    __name__ = 'skp.digest.report'

    @classmethod
    def get_context(cls, records, header, data):
        from .dispatch import pending_by_employee
        context = super().get_context(records, header, data)
        context['pending'] = pending_by_employee
        return context
