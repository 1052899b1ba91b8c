# Public transparency figures per OPD and month: aggregates only, every
# group smaller than MIN_GROUP suppressed so nobody can be singled out.
import datetime as dt
from collections import defaultdict

from sql.aggregate import Count, Sum
from sql.conditionals import Case
from sql.functions import Extract

from trytond.pool import Pool
from trytond.transaction import Transaction

MIN_GROUP = 5


def _share(part, whole):
    if whole is None or whole < MIN_GROUP:
        return None
    return round(100.0 * (part or 0) / whole, 1)


def _count(value):
    "A count shown only when it cannot point at fewer than MIN_GROUP people."
    return value if value >= MIN_GROUP or value == 0 else None


def opd_of_units():
    "{unit id: OPD unit} for every unit under an OPD."
    pool = Pool()
    Unit = pool.get('skp.unit')
    result = {}
    for opd in Unit.search([('kind', '=', 'opd')], order=[('code', 'ASC')]):
        for unit in Unit.search([('parent', 'child_of', [opd.id])]):
            result[unit.id] = opd
    return result


def figures(year, month):
    """The public figures of every OPD for a month, as plain data:
    activities verified on time, services on time, budget absorption and the
    predikat distribution of the year's evaluations."""
    pool = Pool()
    Activity = pool.get('skp.activity')
    Employee = pool.get('company.employee')
    Request = pool.get('skp.service.request')
    Line = pool.get('skp.budget.line')
    Realisation = pool.get('skp.budget.realisation')
    Evaluation = pool.get('skp.evaluation')
    cursor = Transaction().connection.cursor()
    opds = opd_of_units()
    totals = defaultdict(lambda: defaultdict(int))

    activity, employee = Activity.__table__(), Employee.__table__()
    # Per employee, so that the figures of an OPD where fewer than
    # MIN_GROUP people worked are not shown: they would be theirs.
    cursor.execute(*activity.join(employee,
            condition=activity.employee == employee.id
            ).select(employee.unit, activity.employee,
            Sum(Case((activity.state == 'verified', 1), else_=0)),
            Sum(Case((activity.verified_on_time, 1), else_=0)),
            where=(Extract('YEAR', activity.date) == year)
            & (Extract('MONTH', activity.date) == month),
            group_by=[employee.unit, activity.employee]))
    for unit, _, verified, on_time in cursor:
        if unit in opds:
            totals[opds[unit]]['people'] += 1
            totals[opds[unit]]['verified'] += verified or 0
            totals[opds[unit]]['verified_on_time'] += on_time or 0

    request = Request.__table__()
    cursor.execute(*request.select(request.unit, Count(request.id),
            Sum(Case((request.on_time, 1), else_=0)),
            where=(request.state == 'completed')
            & (Extract('YEAR', request.completed_at) == year)
            & (Extract('MONTH', request.completed_at) == month),
            group_by=[request.unit]))
    for unit, count, on_time in cursor:
        if unit in opds:
            totals[opds[unit]]['requests'] += count or 0
            totals[opds[unit]]['requests_on_time'] += on_time or 0

    line, realisation = Line.__table__(), Realisation.__table__()
    end = dt.date(year + month // 12, month % 12 + 1, 1)
    cursor.execute(*line.select(line.unit, Sum(line.budget),
            group_by=[line.unit]))
    for unit, budget in cursor:
        if unit in opds:
            totals[opds[unit]]['budget'] += float(budget or 0)
    cursor.execute(*realisation.join(line,
            condition=realisation.line == line.id
            ).select(line.unit, Sum(realisation.amount),
            where=(realisation.date < end)
            & (Extract('YEAR', realisation.date) == year),
            group_by=[line.unit]))
    for unit, amount in cursor:
        if unit in opds:
            totals[opds[unit]]['realised'] += float(amount or 0)

    evaluation = Evaluation.__table__()
    cursor.execute(*evaluation.join(employee,
            condition=evaluation.employee == employee.id
            ).select(employee.unit, evaluation.predikat, Count(evaluation.id),
            where=evaluation.state.in_(['finalised', 'delivered'])
            & (Extract('YEAR', evaluation.end_date) == year),
            group_by=[employee.unit, evaluation.predikat]))
    for unit, predikat, count in cursor:
        if unit in opds and predikat:
            totals[opds[unit]]['predikat_' + predikat] += count

    rows = []
    for opd in sorted(set(opds.values()), key=lambda u: u.code):
        total = totals[opd]
        few = 0 < total['people'] < MIN_GROUP
        rows.append({
                'opd_code': opd.code,
                'opd': opd.name,
                'activities_verified': (None if few
                    else _count(total['verified'])),
                'verified_on_time_pct': (None if few else _share(
                        total['verified_on_time'], total['verified'])),
                'service_requests': _count(total['requests']),
                'service_on_time_pct': _share(
                    total['requests_on_time'], total['requests']),
                'budget_absorption_pct': (
                    round(100.0 * total['realised'] / total['budget'], 1)
                    if total['budget'] else None),
                'predikat': {p: _count(total['predikat_' + p]) for p in [
                        'sangat_baik', 'baik', 'butuh_perbaikan', 'kurang',
                        'sangat_kurang']},
                })
    return {'year': year, 'month': month, 'minimum_group': MIN_GROUP,
        'opd': rows}
