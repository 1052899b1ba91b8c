"""Time activity entry and bulk verification through JSON-RPC.

On a database made by benchmarks/generate.py, starts a real trytond server
(gunicorn with trytond.application:app and sync workers as production
runs it, or the `trytond` server with --server trytond), with
PYTHONOPTIMIZE=1, on loopback, and measures in the same run:

b. activity entry: one client (skp_tools/rpc.py) logged in as an employee
   creates activities (`model.skp.activity.create`, one per call, with the
   IKI of the employee's approved SKP, as sao saves a new row) against its
   floor, the issue's "bare trytond create on a trivial model": the same
   client creating one row of benchmarks/skp_floor's model
   (`model.skp.floor.record.create`: two columns, no access record, no
   rule, no validation of its own; the module is activated in the
   database on the first run) -- goal: entry at least 70% of the floor's
   throughput. A stricter reference is reported beside it:
   `model.res.user.warning.skip`, trytond's barest insert over the same
   JSON-RPC (one INSERT, no access check, no validation at all). Then 50
   clients at once (threads,
   each with its own Client and its own employee) entering activities
   without pause, p50/p95/max latency -- goal: p95 < 150 ms; and the same
   50 clients paced as people, each pausing --think seconds on average
   between entries (p95 against the same goal: without pause the latency
   is bounded by clients / throughput, whatever an entry costs);
c. bulk verification: the Pejabat Penilai with the most activities to
   decide verifies 1,000 of them in one call (`model.skp.activity.verify`,
   as sao's button on 1,000 selected rows) -- goal: < 2 s; floor: the plain
   SQL UPDATE of the same rows' decision columns.

The benchmark users (bench_e001... and bench_supervisor) are created on the
first run; the activities it enters are deleted at the start of each run;
the 1,000 activities are put back to 'submitted' (in SQL, not timed) before
each verification.

    PYTHONOPTIMIZE=1 python benchmarks/bench_rpc.py [--database skp_bench]
"""
import argparse
import datetime as dt
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from skp_tools.rpc import Client  # noqa: E402

BIN = Path(sys.executable).parent
DEFAULT_URI = 'postgresql://skp:skp@127.0.0.1:5432/'
PASSWORD = 'bench-SKP-2026'
MARK = 'Bench entry'


def median(values):
    return statistics.median(values)


def percentile(values, p):
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))
    return values[index]


# Set up (in-process ORM, before the server starts)

def pick_employees(connection, count, today):
    """Employees heading nothing with an approved SKP covering today, with
    one IKI each: [(employee, iki)]."""
    return connection.execute("""
        SELECT DISTINCT ON (e.id) e.id, i.id
        FROM company_employee AS e
        JOIN skp_skp AS s ON s.employee = e.id AND s.state = 'approved'
            AND s.start_date <= %(today)s AND s.end_date >= %(today)s
        JOIN skp_rhk AS r ON r.skp = s.id
        JOIN skp_iki AS i ON i.rhk = r.id
        WHERE NOT EXISTS (SELECT 1 FROM skp_unit AS u WHERE u.head = e.id)
            AND NOT EXISTS (SELECT 1 FROM company_employee AS c
                WHERE c.supervisor = e.id)
        ORDER BY e.id, i.id
        LIMIT %(count)s""", {'today': today, 'count': count}).fetchall()


def pick_supervisor(connection):
    "The appraiser who decided the most activities in the generated data."
    return connection.execute("""
        SELECT verified_by, COUNT(*) FROM skp_activity
        WHERE verified_by IS NOT NULL AND state = 'verified'
            AND name NOT LIKE %s
        GROUP BY verified_by ORDER BY COUNT(*) DESC, verified_by
        LIMIT 1""", (MARK + '%',)).fetchone()


def setup_users(database, conf, employees, supervisor):
    "Create or update bench_eNNN and bench_supervisor (ORM, committed)."
    from trytond import config
    config.update_etc(str(conf))
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool(database).init()
    with Transaction().start(database, 0) as transaction:
        pool = Pool()
        User = pool.get('res.user')
        Employee = pool.get('company.employee')
        ModelData = pool.get('ir.model.data')
        group = ModelData.get_id('skp_asn', 'group_skp_employee')
        password_hash = User.hash_password(PASSWORD)
        wanted = {'bench_e%03d' % (n + 1): e
            for n, (e, _) in enumerate(employees)}
        wanted['bench_supervisor'] = supervisor
        existing = {u.login: u for u in User.search([
                    ('login', 'in', list(wanted)),
                    ('active', 'in', [True, False]),
                    ])}
        to_create, to_write = [], []
        for login, employee_id in wanted.items():
            employee = Employee(employee_id)
            values = {
                'name': login,
                'password_hash': password_hash,
                'companies': [('add', [employee.company.id])],
                'company': employee.company.id,
                'employees': [('add', [employee_id])],
                'employee': employee_id,
                'groups': [('add', [group])],
                }
            if login in existing:
                user = existing[login]
                if user.employee != employee:
                    values['employees'] = [
                        ('remove', [x.id for x in user.employees]),
                        ('add', [employee_id])]
                to_write.extend(([user], values))
            else:
                to_create.append({'login': login, **values})
        if to_create:
            User.create(to_create)
        if to_write:
            User.write(*to_write)
        transaction.commit()


# The server

def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, kind, uri, database, workers, folder):
        self.port = free_port()
        self.url = 'http://127.0.0.1:%s' % self.port
        self.database = database
        conf = folder / 'trytond.conf'
        conf.write_text(
            '[database]\nuri = %s\n' % uri
            + '[web]\nlisten = 127.0.0.1:%s\n' % self.port
            # sao logs in once per client; the limit is on failures only
            + '[session]\nmax_attempt = 1000\n')
        env = dict(os.environ, PYTHONOPTIMIZE='1', TRYTOND_CONFIG=str(conf),
            SKP_BIND='127.0.0.1:%s' % self.port, SKP_WORKERS=str(workers),
            SKP_ACCESS_LOG='/dev/null', SKP_LOG_LEVEL='warning',
            # the pool of the database is loaded when the server starts
            TRYTOND_DATABASE_NAMES=database)
        if kind == 'gunicorn':
            command = [str(BIN / 'gunicorn'), '-c',
                str(REPO / 'config' / 'gunicorn.conf.py')]
        else:
            command = [str(BIN / 'trytond'), '-c', str(conf), '-d', database]
        self.command = ' '.join(Path(c).name if '/' in c and 'bin' in c
            else c for c in command)
        self.log = open(folder / 'server.log', 'w')
        self.process = subprocess.Popen(command, env=env, stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(self.url, None) as client:
                    client.call('common.server.version')
                break
            except OSError:
                if (time.monotonic() > deadline
                        or self.process.poll() is not None):
                    self.stop()
                    raise SystemExit("the server did not start: %s"
                        % (folder / 'server.log').read_text()[-2000:])
                time.sleep(0.3)

    def client(self, login):
        client = Client(self.url, self.database)
        client.login(login, PASSWORD)
        client.context = client.call(
            'model.res.user.get_preferences', True, {})
        return client

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# b. Activity entry

class Slots:
    """Non-overlapping 5-minute slots of one employee, day after day from
    the 1st of the month up to today."""

    def __init__(self, today):
        self.first = today.replace(day=1)
        self.days = (today - self.first).days + 1
        self.next = 0

    def take(self):
        n = self.next
        self.next += 1
        day, slot = divmod(n, 250)
        if day >= self.days:
            raise SystemExit("no free slot left: use fewer entries")
        start = 60 + slot * 5
        return (self.first + dt.timedelta(days=day),
            dt.time(start // 60, start % 60),
            dt.time((start + 5) // 60, (start + 5) % 60))


def activity_values(employee, iki, slots):
    date, start, end = slots.take()
    return {
        'employee': employee,
        'date': date,
        'start_time': start,
        'end_time': end,
        'name': '%s: menyusun konsep surat' % MARK,
        'additional': False,
        'iki': iki,
        }


def enter(client, employee, iki, slots):
    return client.call('model.skp.activity.create',
        [activity_values(employee, iki, slots)], client.context)


def floor_call(client):
    return client.call('model.skp.floor.record.create',
        [{'name': MARK, 'value': 1}], client.context)


def skip_call(client):
    return client.call('model.res.user.warning.skip', 'bench', False,
        client.context)


def ensure_floor_module(database, uri):
    "Activate benchmarks/skp_floor in the database when it is not yet."
    with psycopg.connect(uri + database) as connection:
        state = connection.execute("SELECT state FROM ir_module "
            "WHERE name = 'skp_floor'").fetchone()
        if state == ('activated',):
            connection.execute("DELETE FROM skp_floor_record")
            return
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / 'trytond.conf'
        conf.write_text('[database]\nuri = %s\n' % uri)
        subprocess.run([str(BIN / 'trytond-admin'), '-c', str(conf),
                '-d', database, '-u', 'skp_floor',
                '--activate-dependencies'], check=True,
            env=dict(os.environ, PYTHONOPTIMIZE='1'))


def sequential(client, function, count):
    "Calls per second of `count` calls in a row, and their latencies."
    latencies = []
    start = time.perf_counter()
    for _ in range(count):
        t = time.perf_counter()
        function()
        latencies.append(time.perf_counter() - t)
    return count / (time.perf_counter() - start), latencies


def concurrent(clients, functions, count, think=0):
    """Each client calls its function `count` times, all starting together,
    without pause or, with `think` seconds, pausing between calls as a person
    does (between 0 and 2 x think at random, so that the clients do not
    keep in step); return (calls per second, latencies, errors)."""
    barrier = threading.Barrier(len(clients) + 1)
    latencies = [[] for _ in clients]
    errors = []

    def run(index):
        pause = random.Random(index)
        barrier.wait()
        for _ in range(count):
            if think:
                time.sleep(pause.uniform(0, 2 * think))
            t = time.perf_counter()
            try:
                functions[index]()
            except Exception as exception:
                errors.append(repr(exception))
            latencies[index].append(time.perf_counter() - t)
    threads = [threading.Thread(target=run, args=(i,))
        for i in range(len(clients))]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    flat = [x for l in latencies for x in l]
    return len(flat) / elapsed, flat, errors


# c. Bulk verification

def pick_activities(connection, supervisor, count):
    """Activities decided by `supervisor` in the generated data (their
    employees' appraiser on those dates), most recent first."""
    return [r[0] for r in connection.execute("""
        SELECT id FROM skp_activity
        WHERE verified_by = %s AND state = 'verified' AND name NOT LIKE %s
        ORDER BY date DESC, id DESC LIMIT %s""",
            (supervisor, MARK + '%', count))]


RESET = """
DELETE FROM skp_budget_realisation WHERE activity = ANY(%(ids)s);
UPDATE skp_activity SET state = 'submitted', verified_at = NULL,
    verified_by = NULL, verification_hours = NULL, verified_on_time = NULL
WHERE id = ANY(%(ids)s);
"""
FLOOR_VERIFY = """
UPDATE skp_activity SET state = 'verified', verified_at = %(now)s,
    verified_by = %(by)s,
    verification_hours = round((extract(epoch FROM %(now)s - submitted_at)
        / 3600)::numeric, 1),
    verified_on_time = (%(now)s - submitted_at) <= interval '72 hours',
    write_uid = 1, write_date = %(now)s
WHERE id = ANY(%(ids)s) AND state = 'submitted'
"""


def reset(connection, ids):
    for statement in RESET.split(';'):
        if statement.strip():
            connection.execute(statement, {'ids': ids})
    connection.commit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--database', default='skp_bench')
    parser.add_argument('--uri', default=os.environ.get(
            'SKP_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--server', choices=['gunicorn', 'trytond'],
        default='gunicorn')
    parser.add_argument('--workers', type=int,
        default=2 * (os.cpu_count() or 1),
        help="gunicorn sync workers (default: 2 per core, as "
        "config/gunicorn.conf.py)")
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--calls', type=int, default=200,
        help="calls in a row per repeat of the single-client measure")
    parser.add_argument('--clients', type=int, default=50)
    parser.add_argument('--per-client', type=int, default=20,
        help="entries per client in the concurrent measure")
    parser.add_argument('--think', type=float, nargs='+',
        default=[2.0, 0.5, 0.25],
        help="mean pauses in seconds between a paced client's entries, "
        "each measured in turn (default 2 0.5 0.25: 50 clients offer 25, "
        "100 and 200 entries/s, about 2, 8 and 15 times the city's peak, "
        "see docs/performance.md)")
    parser.add_argument('--verify', type=int, default=1000)
    args = parser.parse_args()
    if not sys.flags.optimize:
        print("warning: run with PYTHONOPTIMIZE=1 as production does",
            file=sys.stderr)
    today = dt.date.today()
    connection = psycopg.connect(args.uri + args.database)
    connection.execute("DELETE FROM skp_activity WHERE name LIKE %s",
        (MARK + '%',))
    connection.execute("DELETE FROM res_user_warning WHERE name = 'bench'")
    connection.commit()
    ensure_floor_module(args.database, args.uri)
    employees = pick_employees(connection, args.clients, today)
    if len(employees) < args.clients:
        raise SystemExit("only %s employees with an SKP for today"
            % len(employees))
    supervisor, decided = pick_supervisor(connection)
    activities, = connection.execute(
        "SELECT COUNT(*) FROM skp_activity").fetchone()
    people, = connection.execute(
        "SELECT COUNT(*) FROM company_employee").fetchone()
    version = connection.execute('SHOW server_version').fetchone()[0]
    print("database %s, PostgreSQL %s, %s cores: %s employees, %s "
        "activities" % (args.database, version, os.cpu_count(),
            format(people, ','), format(activities, ',')))

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / 'setup.conf').write_text(
            '[database]\nuri = %s\n' % args.uri)
        start = time.perf_counter()
        setup_users(args.database, folder / 'setup.conf', employees,
            supervisor)
        print("users set up in %.1f s" % (time.perf_counter() - start))
        server = Server(args.server, args.uri, args.database, args.workers,
            folder)
        try:
            print("server: %s (%s)" % (server.command, server.url
                    + (', %s sync workers' % args.workers
                        if args.server == 'gunicorn' else '')))
            lines = run(args, server, connection, employees, supervisor,
                decided)
        except BaseException:
            print((folder / 'server.log').read_text()[-3000:],
                file=sys.stderr)
            raise
        finally:
            server.stop()
    report(args, lines)


def run(args, server, connection, employees, supervisor, decided):
    today = dt.date.today()
    lines = []
    # b. single client: entry, floor and skip interleaved, `calls` each
    employee, iki = employees[0]
    client = server.client('bench_e001')
    slots = Slots(today)
    calls = {
        'entry': lambda: enter(client, employee, iki, slots),
        'floor': lambda: floor_call(client),
        'skip': lambda: skip_call(client),
        }
    rates = {name: [] for name in calls}
    latencies = {name: [] for name in calls}
    for function in calls.values():
        function()  # warm up each worker's caches
    for _ in range(args.repeat):
        for name, function in calls.items():
            rate, lat = sequential(client, function, args.calls)
            rates[name].append(rate)
            latencies[name] += lat
    client.close()
    entry, floor, skip = (median(rates[n]) for n in calls)
    lines.append(('b', "activity entry, 1 client (calls/s)", entry, floor,
            entry / floor, ">= 70%", entry / floor >= 0.7, rates['entry'],
            rates['floor']))
    lines.append(('b', "  against warning.skip (stricter floor)", entry,
            skip, entry / skip, "(%)", None, [], rates["skip"]))
    lines.append(('b', "  latency p50 / p95, 1 client (ms)",
            "%.1f / %.1f" % (1000 * percentile(latencies['entry'], 50),
                1000 * percentile(latencies['entry'], 95)),
            "%.1f / %.1f" % (1000 * percentile(latencies['floor'], 50),
                1000 * percentile(latencies['floor'], 95)),
            None, '', None, [], []))

    # b. concurrent clients
    clients, slots = [], [slots]  # bench_e001 goes on with its slots
    for n in range(args.clients):
        clients.append(server.client('bench_e%03d' % (n + 1)))
        if n:
            slots.append(Slots(today))
    entries = [lambda c=c, e=e, i=i, s=s: enter(c, e, i, s)
        for c, (e, i), s in zip(clients, employees, slots)]
    floors = [lambda c=c: floor_call(c) for c in clients]
    for function in entries + floors:
        function()  # each client's session and worker caches
    results = {}
    for name, functions in [('floor', floors), ('entry', entries)]:
        rates, latencies, errors = [], [], []
        for _ in range(max(1, args.repeat // 2)):
            rate, lat, err = concurrent(clients, functions, args.per_client)
            rates.append(rate)
            latencies += lat
            errors += err
        results[name] = (median(rates), latencies, errors, rates)
    rate, latencies, errors, rates = results['entry']
    floor_rate, floor_latencies, floor_errors, floor_rates = results['floor']
    if errors or floor_errors:
        print("errors under load: %s entry, %s floor, e.g. %s" % (
                len(errors), len(floor_errors), (errors + floor_errors)[0]))
    lines.append(('b', "activity entry, %s clients (calls/s)" % args.clients,
            rate, floor_rate, rate / floor_rate, ">= 70%",
            rate / floor_rate >= 0.7, rates, floor_rates))
    p95 = 1000 * percentile(latencies, 95)
    lines.append(('b', "  p95, %s clients without pause (ms)"
            % args.clients, p95, 1000 * percentile(floor_latencies, 95),
            None, "< 150 ms", p95 < 150, [], []))
    lines.append(('b', "  latency p50 / max, %s clients (ms)" % args.clients,
            "%.0f / %.0f" % (1000 * percentile(latencies, 50),
                1000 * max(latencies)),
            "%.0f / %.0f" % (1000 * percentile(floor_latencies, 50),
                1000 * max(floor_latencies)), None, '', None, [], []))
    # the same clients as people, an entry every `think` seconds each on
    # average, then faster and faster: the offered load at which the p95
    # still holds (the city's peak is about 13 entries/s, see
    # docs/performance.md)
    for think in args.think:
        paced = {}
        for name, functions in [('floor', floors), ('entry', entries)]:
            paced[name] = concurrent(clients, functions, args.per_client,
                think=think)
        paced_rate, paced_latencies, paced_errors = paced['entry']
        errors += paced_errors + paced['floor'][2]
        p95 = 1000 * percentile(paced_latencies, 95)
        lines.append(('b', "  p95, %s clients, an entry every %gs (ms)" % (
                    args.clients, think),
                p95, 1000 * percentile(paced['floor'][1], 95), None,
                "< 150 ms", p95 < 150, [], []))
        lines.append(('b', "    calls/s: p50 / max (ms)",
                "%.0f: %.0f / %.0f" % (paced_rate,
                    1000 * percentile(paced_latencies, 50),
                    1000 * max(paced_latencies)),
                "%.0f: %.0f / %.0f" % (paced['floor'][0],
                    1000 * percentile(paced['floor'][1], 50),
                    1000 * max(paced['floor'][1])), None, '', None, [], []))
    for client in clients:
        client.close()
    entered, = connection.execute("SELECT COUNT(*) FROM skp_activity "
        "WHERE name LIKE %s", (MARK + '%',)).fetchone()
    connection.commit()
    print("activities entered through RPC: %s, errors: %s" % (
            format(entered, ','), len(errors)))

    # c. bulk verification
    ids = pick_activities(connection, supervisor, args.verify)
    client = server.client('bench_supervisor')
    times, floor_times = [], []
    for n in range(args.repeat + 1):
        reset(connection, ids)
        start = time.perf_counter()
        client.call('model.skp.activity.verify', ids, client.context)
        elapsed = time.perf_counter() - start
        states = connection.execute("SELECT state, COUNT(*) FROM skp_activity"
            " WHERE id = ANY(%s) GROUP BY state", (ids,)).fetchall()
        connection.commit()
        if states != [('verified', len(ids))]:
            raise SystemExit("verification left %s" % states)
        reset(connection, ids)
        start = time.perf_counter()
        with connection.transaction():
            connection.execute(FLOOR_VERIFY, {'ids': ids,
                    'now': dt.datetime.now(), 'by': supervisor})
        floor_elapsed = time.perf_counter() - start
        if n:  # the first is the warm-up
            times.append(elapsed)
            floor_times.append(floor_elapsed)
    client.close()
    lines.append(('c', "verify %s activities in one call (s)" % len(ids),
            median(times), median(floor_times),
            median(times) / median(floor_times), "< 2 s",
            median(times) < 2, times, floor_times))
    return lines


def report(args, lines):
    print("\n%-2s %-44s %12s %12s %7s  %-9s %s" % ("", "benchmark (median "
            "of %d)" % args.repeat, "product", "floor", "ratio", "goal",
            "met"))
    for key, title, value, floor, ratio, goal, met, *_ in lines:
        def fmt(v):
            return v if isinstance(v, str) else '%.3f' % v if v < 10 \
                else '%.1f' % v
        print("%-2s %-44s %12s %12s %7s  %-9s %s" % (key, title, fmt(value),
                fmt(floor), '' if ratio is None else (
                    '%.0f%%' % (100 * ratio) if '%' in goal
                    else '%.1fx' % ratio),
                goal, '' if met is None else ('yes' if met else 'NO')))
    print("\nall runs:")
    for key, title, *_, runs, floor_runs in lines:
        if runs:
            print("  %s\n    product %s\n    floor   %s" % (title,
                    ' '.join('%.3f' % t for t in runs),
                    ' '.join('%.3f' % t for t in floor_runs)))


if __name__ == '__main__':
    main()
