"""The performance cycle of the Makassar demo for the current year.

`CycleLoader(company).load()` adds, once, to the master data of
`skp_tools.demo`: the period with its holidays and settings, the Perjanjian
Kinerja of each OPD, an approved SKP for every employee cascading from them
(a draft for `rekan`), a month of daily activities, service requests and
budget realisations for Disdukcapil (and Dinkes' budget), and the periodic
evaluations of the last quarter for Disdukcapil.

The SKP are stored with the values the approval would set (approved in
January by the Pejabat Penilai of that day, signatories snapshot) because
the workflow stamps today's date; activities likewise get the submission and
verification times of their own day. The evaluations go through the
workflow methods, as the employee and as the Pejabat Penilai.
Deterministic for a given day and hour: seeded generator.
"""
import datetime as dt
import math
import random
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from trytond.modules.skp_asn.workdays import (
    add_working_days, is_last_working_day_of_week, is_working_day)
from trytond.pool import Pool
from trytond.transaction import Transaction

from . import makassar_cycle as data

SEED = 2026
# Activities go back this many working days before today.
ACTIVITY_DAYS = 20
# Units of the IKI measured as a rate: a quarter's value compares with
# the yearly target (counts add up over the year).
RATE_UOMS = {'%', 'nilai', 'indeks', 'level'}
QUARTERS = ['I', 'II', 'III', 'IV']
MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli',
    'Agustus', 'September', 'Oktober', 'November', 'Desember']
MORNING = (dt.time(7, 30), dt.time(12, 0))
AFTERNOON = (dt.time(13, 0), dt.time(16, 0))
FRIDAY_AFTERNOON = (dt.time(13, 30), dt.time(16, 30))


def _minutes(time):
    return time.hour * 60 + time.minute


def _time(minutes):
    return dt.time(minutes // 60, minutes % 60)


def _cents(value):
    return Decimal(str(value)).quantize(Decimal('0.01'))


class CycleLoader:
    "Stores the cycle with the ORM, in bulk, in the caller's transaction."

    def __init__(self, company):
        pool = Pool()
        self.pool = pool
        self.company = company
        self.today = pool.get('ir.date').today()
        self.year = self.today.year
        self.tz = ZoneInfo(company.timezone or 'UTC')
        self.now = dt.datetime.now(self.tz).replace(tzinfo=None)
        self.rng = random.Random(SEED)
        self.snapshots = {}
        self.summary = {'year': self.year}

    def load(self):
        "Load the cycle unless the year's period exists; return a summary."
        Period = self.pool.get('skp.period')
        if Period.search([
                    ('company', '=', self.company.id),
                    ('name', '=', str(self.year)),
                    ], limit=1):
            return {}
        self.settings()
        self.dates = self.window()
        self.period = self.create_period()
        self.people()
        self.service_types()
        self.targets()
        self.skps()
        self.budget_lines()
        self.service_requests()
        self.activities()
        self.budget_realisations()
        self.evaluations()
        return self.summary

    # Time helpers

    def utc(self, local):
        """The naive UTC datetime, as the workflow stores them, of a local
        one (all times below are local)."""
        return local.replace(tzinfo=self.tz).astimezone(
            dt.timezone.utc).replace(tzinfo=None)

    def working_day(self, date):
        return is_working_day(date, self.days_per_week, self.holidays)

    def next_working_day(self, date, days=1):
        return add_working_days(date, days, self.days_per_week,
            self.holidays)

    # Settings, period, people

    @staticmethod
    def configuration():
        """The settings of the cycle with their defaults; first in the
        transaction, as creating them locks their table."""
        Configuration = Pool().get('skp.configuration')
        return Configuration.get_singleton() or Configuration.create(
            [{}])[0]

    def settings(self):
        pool = self.pool
        Holiday = pool.get('skp.holiday')
        config = self.configuration()
        self.days_per_week = int(config.working_days)
        self.verification_hours = config.verification_days * 24
        self.config = config
        existing = set(Holiday.dates())
        Holiday.create([{'date': d, 'name': n}
                for d, n in data.HOLIDAYS.get(self.year, [])
                if d not in existing])
        self.holidays = Holiday.dates()
        self.summary['holidays'] = len(self.holidays)

    def create_period(self):
        Period = self.pool.get('skp.period')
        period, = Period.create([{
                    'name': str(self.year),
                    'company': self.company.id,
                    'start_date': dt.date(self.year, 1, 1),
                    'end_date': dt.date(self.year, 12, 31),
                    'cadence': 'quarterly',
                    }])
        self.quarters = list(period.evaluation_periods)
        return period

    def people(self):
        "Employees, units, users and the leader of each on 1 January."
        pool = self.pool
        Employee = pool.get('company.employee')
        Unit = pool.get('skp.unit')
        User = pool.get('res.user')
        self.employees = Employee.search([('company', '=', self.company.id)])
        self.units = Unit.search([])
        self.unit_by_name = {u.name: u for u in self.units}
        users = User.search([('employee', '!=', None)])
        self.user_of = {u.employee: u.id for u in users}
        self.login_of = {u.employee: u.login for u in users}
        self.by_login = {u.login: u.employee for u in users}
        leaders = Employee.get_appraisers(
            self.employees, self.period.start_date)
        self.leader = {e: leaders[e.id][0] for e in self.employees}

    def top_unit(self, employee):
        "The OPD or kecamatan of an employee."
        unit = employee.unit
        while unit and unit.parent and unit.parent.parent:
            unit = unit.parent
        return unit

    def in_dukcapil(self, employee):
        unit = self.top_unit(employee)
        return bool(unit and unit.name == data.DUKCAPIL)

    @staticmethod
    def heads(employee):
        "Whether the employee heads their unit."
        return bool(employee.unit and employee.unit.head == employee)

    # Service types and organisation targets

    def service_types(self):
        ServiceType = self.pool.get('skp.service.type')
        existing = {s.code: s for s in ServiceType.search([])}
        missing = [s for s in data.SERVICES if s['code'] not in existing]
        created = ServiceType.create([{
                    'code': s['code'],
                    'name': s['name'],
                    'target_duration': Decimal(s['duration']),
                    'duration_unit': s['unit'],
                    'legal_reference': data.SERVICE_REFERENCE,
                    'example': True,
                    } for s in missing])
        existing.update(zip((s['code'] for s in missing), created))
        self.service_type = existing

    def targets(self):
        "Perjanjian Kinerja of each OPD and kecamatan (DOMAIN §7)."
        Target = self.pool.get('skp.org.target')
        values, specs = [], []
        for name, targets in data.ORG_TARGETS.items():
            unit = self.unit_by_name[name]
            code = unit.code.split('.')[-1]
            for sequence, spec in enumerate(targets, 1):
                specs.append(spec)
                values.append({
                        'unit': unit.id,
                        'period': self.period.id,
                        'sequence': sequence,
                        'code': 'IKU-%s.%s' % (code, sequence),
                        'objective': spec['objective'].format(name=name),
                        'indicator': spec['indicator'].format(name=name),
                        'target': _cents(spec['value']),
                        'uom': spec['uom'],
                        })
        created = Target.create(values)
        self.org_targets = defaultdict(list)
        for target, spec in zip(created, specs):
            self.org_targets[target.unit].append((target, spec))
        self.summary['targets'] = len(created)

    # SKP

    def depth(self, employee):
        leader = self.leader[employee]
        return self.depth(leader) + 1 if leader else 0

    def skps(self):
        """Create the SKP level by level, leaders first, so that each RHK
        utama intervenes in an approved RHK of the Pejabat Penilai."""
        pool = self.pool
        Behaviour = pool.get('skp.behaviour')
        self.behaviours = Behaviour.search([])
        self.rhks = {}
        self.iki_specs = {}
        self.skp_of = {}
        self.approved_on = {}
        levels = defaultdict(list)
        for employee in self.employees:
            levels[self.depth(employee)].append(employee)
        for depth in sorted(levels):
            self.skp_level(levels[depth])
        self.summary['skp'] = len(self.skp_of)

    def skp_level(self, employees):
        pool = self.pool
        SKP = pool.get('skp.skp')
        specs = [self.rhk_specs(e) for e in employees]
        skps = SKP.create([self.skp_values(e, s)
                for e, s in zip(employees, specs)])
        for employee, skp, rhk_specs in zip(employees, skps, specs):
            self.skp_of[employee] = skp
            self.rhks[employee] = [r for r in skp.rhks if r.kind == 'utama']
            for rhk, rhk_spec in zip(skp.rhks, rhk_specs):
                for iki, iki_spec in zip(rhk.indicators, rhk_spec['ikis']):
                    self.iki_specs[iki] = iki_spec
        self.approve([s for e, s in zip(employees, skps)
                if self.login_of.get(e) != 'rekan'])

    def rhk_specs(self, employee):
        "The RHK of an employee: targets, Disdukcapil tables or generic."
        unit = employee.unit
        name = unit.name if unit else ''
        if self.heads(employee) and unit in self.org_targets:
            return self.target_specs(employee)
        if self.in_dukcapil(employee):
            if self.heads(employee):
                specs = data.DUKCAPIL_HEADS.get(name)
            else:
                specs = (data.DUKCAPIL_STAFF.get((name, employee.position))
                    or data.DUKCAPIL_STAFF.get((name, None)))
            if specs:
                return specs
        if self.heads(employee):
            specs = data.GENERIC_HEADS.get(employee.position_type,
                data.GENERIC_HEADS['pengawas'])
        else:
            specs = [next((s for k, s in data.GENERIC_STAFF
                        if k in (employee.position or '')),
                    data.GENERIC_STAFF_DEFAULT)]
        return [self.format_spec(s, unit=name, position=employee.position)
            for s in specs]

    @staticmethod
    def format_spec(spec, **names):
        return dict(spec, name=spec['name'].format(**names),
            ikis=[dict(i, name=i['name'].format(**names))
                for i in spec['ikis']])

    def target_specs(self, employee):
        """One RHK per Perjanjian Kinerja target, and the dialogs with the
        staff as an additional result."""
        specs = []
        for target, spec in self.org_targets[employee.unit]:
            iki = data.iki(target.indicator, spec['value'], spec['uom'],
                source='manual', direction=spec['direction'])
            iki['realised'] = spec['realised']
            rhk = data.rhk(None, target.objective, iki)
            rhk.update(perspective=spec['perspective'], target=target)
            specs.append(rhk)
        name, value, uom = data.HEAD_ADDITIONAL_IKI
        specs.append(data.rhk(None,
                data.HEAD_ADDITIONAL.format(name=employee.unit.name),
                data.iki(name, value, uom, source='manual'),
                kind='tambahan'))
        return specs

    def skp_values(self, employee, specs):
        dukcapil = self.in_dukcapil(employee)
        jpt = employee.position_type in {'jpt_madya', 'jpt_pratama'}
        leader_rhks = self.rhks.get(self.leader[employee]) or []
        values = {
            'company': self.company.id,
            'employee': employee.id,
            'period': self.period.id,
            'start_date': self.period.start_date,
            'end_date': self.period.end_date,
            'approach': 'kuantitatif' if jpt else 'kualitatif',
            'rhks': [('create', [
                        self.rhk_values(s, i, leader_rhks, dukcapil)
                        for i, s in enumerate(specs, 1)])],
            'expectations': [('create', self.expectations(employee))],
            }
        if dukcapil:
            values.update(data.SKP_ANNEX)
        return values

    def rhk_values(self, spec, sequence, leader_rhks, dukcapil):
        values = {
            'sequence': sequence,
            'kind': spec['kind'],
            'name': spec['name'],
            'perspective': spec.get('perspective'),
            'indicators': [('create', [self.iki_values(i, s, dukcapil)
                        for s, i in enumerate(spec['ikis'], 1)])],
            }
        if spec.get('target'):
            values['org_target'] = spec['target'].id
        elif spec['kind'] == 'utama' and leader_rhks:
            values['parent'] = leader_rhks[
                spec['parent'] % len(leader_rhks)].id
        return values

    def iki_values(self, spec, sequence, dukcapil):
        values = {
            'sequence': sequence,
            'name': spec['name'],
            'aspect': spec['aspect'],
            'target_kind': 'single',
            'target': _cents(spec['value']),
            'uom': spec['uom'],
            'direction': spec['direction'],
            'target_is_maximum': spec['maximum'],
            'realisation_source': spec['source'],
            }
        if spec['service']:
            values['service_type'] = self.service_type[spec['service']].id
            values['service_scope'] = spec['scope']
        if dukcapil and spec['acts']:
            # Rencana aksi per quarter (DOMAIN §1.2)
            share = Decimal(spec['value']) / len(self.quarters)
            values['plans'] = [('create', [{
                            'evaluation_period': q.id,
                            'name': '%s (triwulan %s)' % (
                                self.act_text(spec['acts'][0]), roman),
                            'target': share.quantize(Decimal(1)),
                            } for q, roman in zip(self.quarters, QUARTERS)])]
        return values

    @staticmethod
    def act_text(act):
        return act if isinstance(act, str) else act[0]

    def expectations(self, employee):
        "A line per core value; the leader's expectations filled for some."
        filled = self.in_dukcapil(employee) or self.rng.random() < 0.25
        kind = 'leader' if (self.heads(employee)
            or employee.position_type in {'administrator', 'pengawas'}
            ) else 'staff'
        texts = data.EXPECTATIONS[kind] if filled else {}
        return [{'behaviour': b.id, 'expectation': texts.get(b.code)}
            for b in self.behaviours]

    def approve(self, skps):
        """Write what SKP.approve writes, as of a day in January: each
        Pejabat Penilai approves their team on one day, a few late."""
        pool = self.pool
        SKP = pool.get('skp.skp')
        Signatory = pool.get('skp.signatory')
        by_date = defaultdict(list)
        for skp in skps:
            employee = skp.employee
            date = self.approval_date(employee)
            self.approved_on[employee] = date
            by_date[date].append(skp)
        groups, signatories = defaultdict(list), []
        for date, date_skps in by_date.items():
            appraisers = self.appraisers([s.employee for s in date_skps],
                date)
            for skp in date_skps:
                appraiser, superior = appraisers[skp.employee]
                late = date > self.period.deadline
                groups[(appraiser, date, late)].append(skp)
                for role, employee in [('employee', skp.employee),
                        ('appraiser', appraiser), ('superior', superior)]:
                    if employee:
                        signatories.append(self.signatory(skp, role,
                                employee))
        SKP.write(*[a for (appraiser, date, late), records in groups.items()
                for a in (records, {
                        'state': 'approved',
                        'approved_by': appraiser.id if appraiser else None,
                        'approved_date': date,
                        'late': late,
                        })])
        Signatory.save(signatories)

    def signatory(self, skp, role, employee):
        "Signatory.from_employee, snapshot once per employee."
        Signatory = self.pool.get('skp.signatory')
        if employee not in self.snapshots:
            self.snapshots[employee] = Signatory.from_employee(
                role, employee)
        snapshot = self.snapshots[employee]
        return Signatory(skp=skp, role=role, employee=employee,
            **{n: getattr(snapshot, n)
                for n in ['name', 'nip', 'rank', 'position', 'unit']})

    def approval_date(self, employee):
        """A few working days after the leader's approval; a few staff
        outside Disdukcapil are approved after the deadline (DOMAIN §1.3)."""
        late = self.next_working_day(
            self.period.deadline, self.rng.randint(1, 6))
        if (not self.in_dukcapil(employee) and not self.heads(employee)
                and self.rng.random() < 0.04 and late <= self.today):
            return late
        start = self.approved_on.get(
            self.leader[employee], self.period.start_date)
        date = self.next_working_day(start, self.rng.randint(1, 3))
        return min(date, self.period.deadline, self.today)

    def appraisers(self, employees, date):
        Employee = self.pool.get('company.employee')
        result = Employee.get_appraisers(employees, date)
        return {e: result[e.id] for e in employees}

    # Budget lines and service requests

    def budget_lines(self):
        """DPA sub-kegiatan of Disdukcapil and Dinkes, linked to the IKI
        they finance: those whose activities spend on them and the
        Disdukcapil budget-absorption IKI."""
        Line = self.pool.get('skp.budget.line')
        links = defaultdict(set)
        for iki, spec in self.iki_specs.items():
            for act in spec['acts']:
                if not isinstance(act, str):
                    links[act[1]].add(iki.id)
            if spec['source'] == 'budget':
                links[data.DUKCAPIL].add(iki.id)
        values, specs = [], []
        for unit_name, lines in data.BUDGET_LINES.items():
            unit = self.unit_by_name[unit_name]
            for spec in lines:
                specs.append(spec)
                ikis = links[spec['code']] | links[unit_name]
                values.append({
                        'unit': unit.id,
                        'period': self.period.id,
                        'program_code': spec['program'][0],
                        'program': spec['program'][1],
                        'activity_code': spec['activity'][0],
                        'activity': spec['activity'][1],
                        'code': spec['code'],
                        'name': spec['name'],
                        'budget': Decimal(spec['budget']),
                        'ikis': [('add', sorted(ikis))],
                        })
        lines = Line.create(values)
        self.lines = {l.code: l for l in lines}
        self.line_specs = list(zip(lines, specs))
        self.summary['budget_lines'] = len(lines)

    def window(self):
        """The working days with activities and requests: the last
        ACTIVITY_DAYS before today, and today when it is one."""
        dates, date = [], self.today
        start = dt.date(self.year, 1, 1)
        while len(dates) < ACTIVITY_DAYS and date > start:
            date -= dt.timedelta(days=1)
            if self.working_day(date):
                dates.append(date)
        if self.working_day(self.today):
            dates.insert(0, self.today)
        return sorted(dates)

    def service_requests(self):
        "A month of Disdukcapil requests, most finished within target."
        Request = self.pool.get('skp.service.request')
        values = []
        for spec in data.SERVICES:
            service_type = self.service_type[spec['code']]
            section = self.unit_by_name[spec['section']]
            staff = [e for e in self.employees
                if e.unit == section and not self.heads(e)]
            weights = [3 if self.login_of.get(e) == 'pegawai' else 1
                for e in staff]
            for date in self.dates:
                count = max(0, spec['daily'] + self.rng.randint(-1, 2))
                for number in range(1, count + 1):
                    received = dt.datetime.combine(date, dt.time(8)) + (
                        dt.timedelta(minutes=self.rng.randrange(0, 390, 5)))
                    if received > self.now:
                        continue
                    completed = self.completion(spec, received,
                        self.rng.random() < spec['late_share'])
                    state = 'completed'
                    if self.rng.random() < 0.02:
                        state, completed = 'cancelled', None
                    elif completed > self.now:
                        state, completed = 'received', None
                    received, completed = self.utc(received), (
                        completed and self.utc(completed))
                    turnaround, on_time = Request.compute_turnaround(
                        service_type, received, completed, self.holidays)
                    values.append({
                            'number': '%s-%s-%03d' % (spec['code'],
                                date.strftime('%Y%m%d'), number),
                            'unit': section.id,
                            'service_type': service_type.id,
                            'received_at': received,
                            'completed_at': completed,
                            'employee': self.rng.choices(
                                staff, weights)[0].id,
                            'state': state,
                            'turnaround': turnaround,
                            'on_time': on_time,
                            })
        Request.create(values)
        self.summary['requests'] = len(values)

    def completion(self, spec, received, late):
        "The local completion time of a request received at `received`."
        rng = self.rng
        if spec['unit'] != 'working_days':
            target = spec['duration'] * (
                60 if spec['unit'] == 'hours' else 1)
            minutes = (rng.randint(target + 5, target * 3) if late
                else rng.randint(min(10, target - 5), target - 5))
            return received + dt.timedelta(minutes=minutes)
        days = (spec['duration'] + rng.randint(1, 3) if late
            else rng.choice([0, spec['duration']]))
        if not days:
            end = min(received + dt.timedelta(
                    minutes=rng.randrange(60, 240, 5)),
                dt.datetime.combine(received.date(), dt.time(15, 45)))
            return max(end, received)
        date = self.next_working_day(received.date(), days)
        return dt.datetime.combine(date, dt.time(8, 30)) + dt.timedelta(
            minutes=rng.randrange(0, 420, 5))

    # Daily activities

    def activities(self):
        """About four activities a working day for Disdukcapil's people
        with an approved SKP, with the state their age gives them: today's
        drafts, waiting, verified or rejected by the Pejabat Penilai of
        that day (DOMAIN §5, §8)."""
        pool = self.pool
        Activity = pool.get('skp.activity')
        people = [e for e in self.employees if self.in_dukcapil(e)
            and self.login_of.get(e) != 'rekan']
        plans = {(p.iki.id, p.evaluation_period.id): p.id
            for i in self.iki_specs for p in i.plans}
        dates = self.dates
        self.last_day = max(
            (d for d in dates if d < self.today), default=None)
        appraisers = {d: self.appraisers(people, d) for d in dates}
        values = []
        for employee in people:
            entries = self.activity_entries(employee)
            for date in dates:
                if self.rng.random() < 0.04:
                    continue  # on leave
                quarter = next(q for q in self.quarters
                    if q.start_date <= date <= q.end_date)
                decision = self.day_decision(
                    employee, date, appraisers[date][employee][0])
                for start, end in self.day_slots(date):
                    values.append(self.activity_values(employee, date,
                            start, end, entries, plans, quarter, decision))
        activities = Activity.create(values)
        self.summary['activities'] = len(activities)
        self.activity_realisations(activities, values)

    def activity_entries(self, employee):
        "(weight, IKI, text, output, budget line code, amount) to draw."
        ikis = [i for r in self.skp_of[employee].rhks for i in r.indicators]
        entries = []
        for iki in ikis:
            spec = self.iki_specs[iki]
            for act in spec['acts']:
                text, code, amounts = (
                    (act, None, None) if isinstance(act, str) else act)
                entries.append((0.25 if code else 1.0, iki, text,
                        spec['output'], code, amounts))
        if self.heads(employee) or not entries:
            for i, text in enumerate(data.HEAD_ACTIVITIES):
                entries.append((1.0, ikis[i % len(ikis)],
                        text.format(unit=employee.unit.name), None, None,
                        None))
        return entries

    def day_slots(self, date):
        "(start, end) times of one day's activities; some days short."
        rng = self.rng
        count = rng.choices([3, 4, 5], [0.2, 0.55, 0.25])[0]
        total = (rng.randrange(240, 301, 15) if rng.random() < 0.1
            else rng.randrange(345, 421, 15))
        units = [2] * count
        for _ in range(total // 15 - 2 * count):
            units[rng.randrange(count)] += 1
        afternoon = FRIDAY_AFTERNOON if date.weekday() == 4 else AFTERNOON
        windows = [MORNING, afternoon]
        window = 0
        cursor = _minutes(MORNING[0]) + rng.choice([0, 15, 30])
        slots = []
        for length in units:
            end = cursor + length * 15
            if window == 0 and end > _minutes(MORNING[1]):
                window = 1
                cursor = _minutes(afternoon[0]) + rng.choice([0, 0, 15])
                end = cursor + length * 15
            end = min(end, _minutes(windows[window][1]))
            if end - cursor < 15:
                break
            slots.append((_time(cursor), _time(end)))
            cursor = end + rng.choice([0, 0, 0, 15])
        if date == self.today:
            slots = [s for s in slots if s[1] <= self.now.time()]
        return slots

    def day_decision(self, employee, date, appraiser):
        """(state, submitted at, decided at, appraiser) of one person-day:
        today's and some of the last day's are drafts, the others submitted
        that afternoon and decided after the appraiser's usual delay."""
        rng = self.rng
        if date == self.today:
            return ('draft', None, None, None)
        if rng.random() < 0.15:
            submitted = dt.datetime.combine(self.next_working_day(date),
                dt.time(7, 45)) + dt.timedelta(minutes=rng.randrange(75))
        else:
            submitted = dt.datetime.combine(date, dt.time(16)) + (
                dt.timedelta(minutes=rng.randrange(90)))
        if submitted > self.now or (date == self.last_day
                and rng.random() < 0.35
                and self.today <= self.submission_deadline(date)):
            return ('draft', None, None, None)
        if appraiser.unit and appraiser.unit.name in data.SLOW_VERIFIERS:
            delay = rng.uniform(40, 120)
        elif rng.random() < 0.9:
            delay = rng.uniform(1, 40)
        else:
            delay = rng.uniform(40, 90)
        decided = self.office_hours(submitted + dt.timedelta(hours=delay))
        if decided > self.now or rng.random() < 0.01:
            return ('submitted', self.utc(submitted), None, None)
        return ('decided', self.utc(submitted), self.utc(decided), appraiser)

    def submission_deadline(self, date):
        "The last day an activity of `date` may be submitted (DOMAIN §8)."
        config = self.config
        if is_last_working_day_of_week(date, self.days_per_week):
            return date + dt.timedelta(days=config.entry_tolerance_last_day)
        return self.next_working_day(date, config.entry_tolerance)

    def office_hours(self, moment):
        "The moment, or the next working morning when outside office hours."
        if (self.working_day(moment.date())
                and dt.time(7, 30) <= moment.time() <= dt.time(16, 30)):
            return moment
        date = moment.date()
        if moment.time() > dt.time(7, 30) or not self.working_day(date):
            date = self.next_working_day(date)
        return dt.datetime.combine(date, dt.time(7, 30)) + dt.timedelta(
            minutes=self.rng.randrange(120))

    def activity_values(self, employee, date, start, end, entries, plans,
            quarter, decision):
        rng = self.rng
        state, submitted, decided, appraiser = decision
        values = {
            'company': self.company.id,
            'employee': employee.id,
            'date': date,
            'start_time': start,
            'end_time': end,
            'state': state,
            }
        if rng.random() < 0.07:
            values.update(additional=True,
                name=rng.choice(data.ADDITIONAL_ACTIVITIES))
        else:
            _, iki, text, output, code, amounts = rng.choices(
                entries, [e[0] for e in entries])[0]
            values.update(additional=False, name=text, iki=iki.id)
            if not self.login_of[employee].isdigit():
                # The named logins file their work under the rencana aksi;
                # checking the plan of every activity costs a query each.
                values['plan'] = plans.get((iki.id, quarter.id))
            if output:
                minutes = _minutes(end) - _minutes(start)
                quantity = round(rng.randint(*output) * minutes / 120)
                if quantity:
                    values.update(output_quantity=Decimal(quantity),
                        output_uom=iki.uom)
            if code:
                values.update(budget_line=self.lines[code].id,
                    budget_amount=Decimal(
                        rng.randrange(amounts[0], amounts[1] + 1, 10000)))
        if state == 'draft':
            return values
        values.update(submitted_at=submitted, evidence_hashes='[]')
        if state == 'submitted':
            return values
        hours = Decimal(str(round(
                    (decided - submitted).total_seconds() / 3600, 1)))
        values.update(state='verified', verified_at=decided,
            verified_by=appraiser.id, verification_hours=hours,
            verified_on_time=hours <= self.verification_hours)
        if rng.random() < 0.03:
            values.update(state='rejected',
                reject_reason=rng.choice(data.REJECT_REASONS))
        return values

    def activity_realisations(self, activities, values):
        "What Activity.verify realises on the budget lines."
        Realisation = self.pool.get('skp.budget.realisation')
        realisations = [{
                'line': v['budget_line'],
                'date': v['date'],
                'amount': v['budget_amount'],
                'activity': a.id,
                'description': v['name'][:100],
                } for a, v in zip(activities, values)
            if v['state'] == 'verified' and v.get('budget_line')]
        Realisation.create(realisations)
        self.activity_spending = defaultdict(Decimal)
        for realisation in realisations:
            self.activity_spending[realisation['line']] += (
                realisation['amount'])

    def budget_realisations(self):
        """Monthly SP2D on each line up to last month, rising towards the
        end of the year (salaries evenly), on top of the activities."""
        Realisation = self.pool.get('skp.budget.realisation')
        months = list(range(1, self.today.month))
        values = []
        for line, spec in self.line_specs:
            salary = "Gaji" in spec['name']
            weights = [1 if salary else 0.5 + 0.1 * m for m in months]
            total = (line.budget * Decimal(str(spec['absorption']))
                * len(months) / 11 - self.activity_spending[line.id])
            for month, weight in zip(months, weights):
                amount = total * Decimal(str(weight / sum(weights)))
                amount = Decimal(int(amount) // 1000 * 1000)
                if amount <= 0:
                    continue
                date = dt.date(self.year, month, 25)
                while not self.working_day(date):
                    date -= dt.timedelta(days=1)
                values.append({
                        'line': line.id,
                        'date': date,
                        'amount': amount,
                        'document': '%05d/SP2D-LS/%s/%s' % (
                            len(values) + 101, line.unit.code, self.year),
                        'description': "Realisasi %s, %s" % (
                            spec['name'], MONTHS[month - 1]),
                        })
        Realisation.create(values)
        self.summary['realisations'] = len(values)

    # Periodic evaluation of the last quarter

    def evaluations(self):
        """Disdukcapil's evaluations of the last quarter through the
        workflow: the organisation predikat set by the Sekda, the teams of
        some Pejabat Penilai assessed, finalised against the curve and
        delivered, the others submitted and waiting (DOMAIN §1.5-§1.8)."""
        pool = self.pool
        OrgPredikat = pool.get('skp.org.predikat')
        past = [q for q in self.quarters if q.end_date < self.today]
        if not past:
            return
        quarter = past[-1]
        people = [e for e in self.employees if self.in_dukcapil(e)
            and self.login_of.get(e) != 'rekan']
        appraisers = self.appraisers(people, quarter.end_date)
        delivered = [e for e in people if self.delivers(appraisers[e][0])]
        waiting = [e for e in people if e not in delivered]
        predikats = self.predikats(delivered)
        self.quarter_realisations(people, quarter, predikats)
        with Transaction().set_user(self.user_of[self.by_login['pimpinan']]):
            OrgPredikat.create([{
                        'unit': self.unit_by_name[data.DUKCAPIL].id,
                        'kind': 'periodic',
                        'period': self.period.id,
                        'evaluation_period': quarter.id,
                        'predikat': 'baik',
                        'note': data.ORG_PREDIKAT_NOTE,
                        }])
        evaluations = self.self_assess(delivered, quarter)
        teams = defaultdict(list)
        for evaluation in evaluations:
            teams[appraisers[evaluation.employee][0]].append(evaluation.id)
        for step in [self.assess, 'finalise', 'deliver']:
            for appraiser, ids in teams.items():
                with Transaction().set_user(self.user_of[appraiser]):
                    self.step(step, ids, predikats)
        self.self_assess(waiting, quarter)
        self.summary['evaluations'] = len(people)
        self.summary['delivered'] = len(delivered)

    @staticmethod
    def delivers(appraiser):
        "Whether the appraiser's team has its results delivered."
        return bool(appraiser and appraiser.unit
            and appraiser.unit.head == appraiser
            and appraiser.unit.name in data.DELIVERED_APPRAISERS)

    def step(self, step, ids, predikats):
        Evaluation = self.pool.get('skp.evaluation')
        evaluations = Evaluation.browse(ids)
        if callable(step):
            step(evaluations, predikats)
        else:
            getattr(Evaluation, step)(evaluations)

    def predikats(self, employees):
        """Predikats that fit the curve of an organisation rated Baik: at
        most 70 % Baik and at least one Butuh Perbaikan (DOMAIN §1.8); the
        named demo logins are Baik."""
        rng = self.rng
        free = [e for e in employees if self.login_of.get(e, '').isdigit()
            and not (self.heads(e) and e.unit.name == data.DUKCAPIL)]
        below = rng.sample([e for e in free
                if e.position_type == 'pelaksana'],
            max(1, round(len(employees) * 0.08)))
        count = len(employees) - len(below) - math.floor(
            len(employees) * 0.7) + 1
        others = [e for e in free if e not in below]
        above = rng.sample(others, min(count, len(others)))
        return {e: 'sangat_baik' if e in above
            else 'butuh_perbaikan' if e in below else 'baik'
            for e in employees}

    def quarter_realisations(self, employees, quarter, predikats):
        """The manual realisations of the quarter, for the IKI measured as
        a rate; better or worse as the predikat to come."""
        Realisation = self.pool.get('skp.iki.realisation')
        rng = self.rng
        values = []
        for employee in employees:
            predikat = predikats.get(employee)
            for rhk in self.skp_of[employee].rhks:
                for iki in rhk.indicators:
                    spec = self.iki_specs[iki]
                    if (spec['source'] != 'manual'
                            or spec['uom'] not in RATE_UOMS):
                        continue
                    if predikat == 'sangat_baik':
                        factor = rng.uniform(1.02, 1.06)
                    elif predikat == 'butuh_perbaikan':
                        factor = rng.uniform(0.84, 0.92)
                    elif rng.random() < 0.1:
                        factor = rng.uniform(0.95, 0.99)
                    else:
                        factor = rng.uniform(1.0, 1.03)
                    if spec['direction'] == 'lower':
                        factor = 2 - factor
                    value = spec.get('realised') or min(
                        spec['value'] * factor,
                        100 if spec['uom'] == '%' else math.inf)
                    values.append({
                            'iki': iki.id,
                            'evaluation_period': quarter.id,
                            'value': _cents(round(value, 2)),
                            'note': data.REALISATION_NOTE,
                            })
        Realisation.create(values)

    def self_assess(self, employees, quarter):
        """Create the evaluations, explain each indicator below target and
        submit, as the employee."""
        pool = self.pool
        Evaluation = pool.get('skp.evaluation')
        Line = pool.get('skp.evaluation.line')
        evaluations = Evaluation.create_for(
            [self.skp_of[e] for e in employees], 'periodic', quarter)
        explained = defaultdict(list)
        for evaluation in evaluations:
            for line in evaluation.lines:
                if line.below_target:
                    source = self.iki_specs[line.iki]['source']
                    explained[data.EXPLANATIONS.get(
                            source, data.EXPLANATIONS['manual'])].append(line)
        if explained:
            Line.write(*[a for (cause, obstacle, follow_up), lines
                    in explained.items() for a in (lines, {
                            'cause': cause,
                            'obstacle': obstacle,
                            'follow_up': follow_up,
                            })])
        for evaluation in evaluations:
            with Transaction().set_user(self.user_of[evaluation.employee]):
                Evaluation.submit(Evaluation.browse([evaluation.id]))
        return evaluations

    def assess(self, evaluations, predikats):
        "Ratings, notes and feedback as the Pejabat Penilai, then assess."
        pool = self.pool
        Evaluation = pool.get('skp.evaluation')
        Result = pool.get('skp.evaluation.result')
        Behaviour = pool.get('skp.evaluation.behaviour')
        rng = self.rng
        ratings, feedback = defaultdict(list), defaultdict(list)
        for evaluation in evaluations:
            predikat = predikats[evaluation.employee]
            result, behaviour = {
                'sangat_baik': ('above', 'above'),
                'butuh_perbaikan': ('below', 'as_expected'),
                }.get(predikat, ('as_expected', 'as_expected'))
            if predikat == 'baik' and rng.random() < 0.3:
                result = 'above'
            ratings[(result, behaviour, data.EVALUATION_NOTES[predikat])
                ].append(evaluation)
            for line in evaluation.results:
                feedback[(Result, rng.choice(data.RESULT_FEEDBACK))
                    ].append(line)
            for line in evaluation.behaviours:
                feedback[(Behaviour, rng.choice(data.BEHAVIOUR_FEEDBACK))
                    ].append(line)
        Evaluation.write(*[a for (result, behaviour, note), records
                in ratings.items() for a in (records, {
                        'rating_result': result,
                        'rating_behaviour': behaviour,
                        'note': note,
                        })])
        for Model in [Result, Behaviour]:
            Model.write(*[a for (model, text), lines in feedback.items()
                    if model == Model
                    for a in (lines, {'feedback': text})])
        Evaluation.assess(Evaluation.browse([e.id for e in evaluations]))
