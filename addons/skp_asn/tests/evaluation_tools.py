# Helpers for the evaluation scenarios: units, employees, users and approved
# SKP, built through proteus as Admin BKPSDM (the admin user) and the
# appraisers, so that every record passes the module's own checks.
import datetime as dt
from contextlib import contextmanager
from decimal import Decimal

from proteus import Model, Wizard
from trytond.exceptions import UserError
from trytond.tests.tools import set_user


def create_unit(code, name, kind, parent=None):
    Unit = Model.get('skp.unit')
    unit = Unit(code=code, name=name, kind=kind, parent=parent)
    unit.save()
    return unit


def create_employee(name, unit, supervisor=None, head=False, **values):
    "An employee of unit with a valid NIP; head makes them the unit's head."
    Party = Model.get('party.party')
    Employee = Model.get('company.employee')
    party = Party(name=name)
    party.save()
    employee = Employee(party=party, unit=unit, supervisor=supervisor,
        nip='198001012005011%03d' % party.id, **values)
    employee.save()
    if head:
        unit.head = employee
        unit.save()
    return employee


def create_user(employee, login):
    "A user of the employee in the group SKP Pegawai."
    User = Model.get('res.user')
    Group = Model.get('res.group')
    Employee = Model.get('company.employee')
    group, = Group.find([('name', '=', "SKP Pegawai")])
    user = User(login=login, name=employee.party.name)
    user.employees.append(Employee(employee.id))
    user.employee = Employee(employee.id)
    user.groups.append(group)
    user.save()
    return user


def create_period(year, cadence='quarterly', **values):
    Period = Model.get('skp.period')
    period = Period(name=str(year), start_date=dt.date(year, 1, 1),
        end_date=dt.date(year, 12, 31), cadence=cadence, **values)
    period.save()
    return period


def create_org_target(unit, period, indicator="Indeks kepuasan layanan"):
    Target = Model.get('skp.org.target')
    target = Target(unit=unit, period=period, indicator=indicator,
        target=Decimal(90), uom='%')
    target.save()
    return target


def create_skp(employee, period, ikis=None, parent=None, org_target=None,
        extra_rhks=(), **values):
    """A submitted SKP with one RHK utama intervening in parent (or taking
    up org_target) with ikis (dicts of IKI values), and extra_rhks as
    (kind, name, ikis)."""
    SKP = Model.get('skp.skp')
    RHK = Model.get('skp.rhk')
    skp = SKP(employee=employee, period=period)
    for name, value in values.items():
        setattr(skp, name, value)
    rhks = [('utama', "Hasil kerja %s" % employee.party.name,
            ikis or [{'name': "Indikator %s" % employee.party.name,
                    'target': Decimal(100), 'uom': '%'}])]
    rhks.extend(extra_rhks)
    for kind, name, rhk_ikis in rhks:
        rhk = skp.rhks.new(kind=kind, name=name)
        if kind == 'utama':
            rhk.parent = RHK(parent.id) if parent else None
            rhk.org_target = org_target
        for iki in rhk_ikis:
            rhk.indicators.new(**iki)
    skp.save()
    skp.click('submit')
    return skp


def approve_skps(skps, appraiser_user, admin_user):
    "The Pejabat Penilai approves the SKP; back to the admin afterwards."
    SKP = Model.get('skp.skp')
    set_user(appraiser_user)
    SKP.click([SKP(s.id) for s in skps], 'approve')
    set_user(admin_user)
    for skp in skps:
        skp.reload()


def create_evaluations(skps, kind='periodic', evaluation_period=None):
    "Run the wizard Create Evaluations on skps; return the evaluations."
    SKP = Model.get('skp.skp')
    Evaluation = Model.get('skp.evaluation')
    wizard = Wizard('skp.evaluation.create', [SKP(s.id) for s in skps])
    wizard.form.kind = kind
    if kind == 'periodic':
        wizard.form.evaluation_period = evaluation_period
    wizard.execute('create_')
    evaluations = Evaluation.find([
            ('skp', 'in', [s.id for s in skps]),
            ('kind', '=', kind),
            ('evaluation_period', '=',
                evaluation_period.id if evaluation_period else None),
            ])
    order = [s.id for s in skps]
    return sorted(evaluations, key=lambda e: order.index(e.skp.id))


def current_evaluation_period(period, date):
    "The evaluation period of period containing date."
    period.reload()
    for evaluation_period in period.evaluation_periods:
        if evaluation_period.start_date <= date <= evaluation_period.end_date:
            return evaluation_period


@contextmanager
def user_error():
    """Print the type and message of the user error the block raises, so
    that a scenario checks the message itself; fail if none is raised."""
    try:
        yield
    except UserError as exception:
        print('%s: %s' % (type(exception).__name__, exception.message))
    else:
        raise AssertionError("No error raised")
