"""Load and faults, on loopback, bounded in time.

test_activity_load: 50 clients, each its own JSON-RPC session of a distinct
demo employee (their login is their NIP), for SKP_LOAD_SECONDS seconds
(default 60): employees enter and submit daily activities, their Pejabat
Penilai verify them as they come. No call may fail; afterwards the database
must hold exactly the activities the clients were told were created, once
each, all verified by the right appraiser. Throughput and latencies are
printed in the test output.

The clients talk to gunicorn started with config/gunicorn.conf.py (two
worker processes, as in production). PostgreSQL only: on SQLite, which
takes one writer at a time, 50 writing clients make requests wait for the
lock until trytond gives up (HTTP 503).

test_concurrent_approval: two sessions of the Pejabat Penilai approve the
same submitted SKP at the same instant: one succeeds, the other gets a
clear user error, and the SKP is approved (logged) once;
test_concurrent_approval_and_return: one session approves while another
returns it through the wizard. Both run on PostgreSQL (gunicorn) and SQLite
(the session's trytond server).

The load uses employees away from those of the other test files: only
NIP logins (not the named demo logins), outside the OPD of pegawai, rekan
and kasi.identitas; everything created is dated today in free time
slots.
"""
import datetime as dt
import os
import statistics
import subprocess
import threading
import time
from collections import defaultdict

import pytest

from conftest import (
    BIN, REPO, _database_uri, _environ, _free_port, _is_postgresql, _stop,
    _write_config, report_line)
from skp_tools.rpc import Client, HTTPError, RPCError

DURATION = float(os.environ.get('SKP_LOAD_SECONDS') or 60)
CLIENTS = 50
# Appraisees per appraiser: spreads the load over several appraisers.
PER_APPRAISER = 6
# After the entry stops, the appraisers have this long to verify the rest.
DRAIN_TIMEOUT = 60
SLOT = 4  # minutes between the starts of two activities of an employee
STARTUP_TIMEOUT = 120


@pytest.fixture(scope='module')
def load_url(_demo_database, server_url, tmp_path_factory):
    """The URL the load goes to: gunicorn (2 workers) on PostgreSQL, the
    session's trytond server on SQLite."""
    if not _is_postgresql(_database_uri()):
        yield server_url
        return
    name, _, filestore = _demo_database
    folder = tmp_path_factory.mktemp('load')
    # As production.conf: caches invalidated through LISTEN/NOTIFY
    config = _write_config(folder / 'gunicorn.conf',
        database={'uri': _database_uri(), 'path': filestore},
        cache={'clean_timeout': 0})
    port = _free_port()
    env = _environ(config)
    env['TRYTOND_DATABASE_NAMES'] = name
    env['SKP_ACCESS_LOG'] = str(folder / 'access.log')
    log = folder / 'gunicorn.log'
    with open(log, 'ab') as fp:
        process = subprocess.Popen(
            [BIN / 'gunicorn', '-c', REPO / 'config' / 'gunicorn.conf.py',
                '--bind', '127.0.0.1:%s' % port, '--workers', '2'],
            cwd=REPO, env=env, stdout=fp, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
    url = 'http://127.0.0.1:%s/' % port
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail('gunicorn exited (log: %s)' % log, pytrace=False)
            try:
                with Client(url, None, timeout=30) as client:
                    client.call('common.server.version')
                break
            except (OSError, HTTPError):
                if time.monotonic() > deadline:
                    pytest.fail('gunicorn did not answer (log: %s)' % log,
                        pytrace=False)
                time.sleep(0.2)
        yield url
    finally:
        _stop(process)


def _login(url, database, login, password):
    client = Client(url, database, timeout=120)
    client.login(login, password)
    context = client.call('model.res.user.get_preferences', True, {})
    context['language'] = 'en'
    return client, context


def _excluded_units(sql):
    """Units of the OPD (Dinas Kependudukan dan Pencatatan Sipil) of
    pegawai, rekan and kasi.identitas, whose data the other test files
    check."""
    parents = dict(sql('SELECT id, parent FROM skp_unit'))

    def chain(unit):
        units = []
        while unit is not None:
            units.append(unit)
            unit = parents.get(unit)
        return units
    opds = set()
    for unit, in sql('SELECT e.unit FROM res_user u '
            'JOIN company_employee e ON e.id = u.employee '
            "WHERE u.login IN ('pegawai', 'rekan', 'kasi.identitas') "
            'AND e.unit IS NOT NULL'):
        # The OPD is the unit just below the root (the city)
        units = chain(unit)
        opds.add(units[-2] if len(units) > 1 else unit)
    return {u for u in parents if opds & set(chain(u))}


def _candidates(sql, today):
    """{employee: (login, iki)} of NIP logins away from the other tests'
    OPDs, with an approved SKP in force today that has an IKI."""
    excluded = _excluded_units(sql)
    rows = sql("SELECT e.id, u.login, e.unit, min(i.id) "
        "FROM company_employee e "
        "JOIN res_user u ON u.employee = e.id AND u.login = e.nip "
        "JOIN skp_skp k ON k.employee = e.id AND k.state = 'approved' "
        "AND k.start_date <= '%(today)s' AND k.end_date >= '%(today)s' "
        "JOIN skp_rhk r ON r.skp = k.id "
        "JOIN skp_iki i ON i.rhk = r.id "
        "WHERE u.active "
        "GROUP BY e.id, u.login, e.unit ORDER BY e.id" % {'today': today})
    return {e: (login, iki) for e, login, unit, iki in rows
        if unit not in excluded}


def _percentile(values, p):
    values = sorted(values)
    if not values:
        return float('nan')
    return values[min(len(values) - 1, int(round(p / 100 * len(values))))]


def _free_slots(sql, employee, today, busy_rows):
    "Start times of SLOT-minute slots free of the employee's activities."
    busy = [(s, e) for emp, s, e in busy_rows if emp == employee]
    slots = []
    for start in range(0, 24 * 60 - SLOT, SLOT):
        begin = dt.time(start // 60, start % 60)
        end_minute = start + SLOT - 1
        end = dt.time(end_minute // 60, end_minute % 60)
        if all(not (b < end and begin < e) for b, e in busy):
            slots.append((begin, end))
    return slots


def _today(client):
    "Today as the server sees it (the company's timezone)."
    today = client.call('model.skp.activity.default_get', ['date'], False,
        {})['date']
    return today if isinstance(today, dt.date) else (
        dt.date.fromisoformat(today))


def _time(value):
    if isinstance(value, str):
        return dt.time.fromisoformat(value)
    if isinstance(value, dt.timedelta):
        return (dt.datetime.min + value).time()
    return value


@pytest.mark.skipif(not _is_postgresql(_database_uri()),
    reason="the load test needs PostgreSQL: SQLite takes one writer at a "
    "time, and with 50 clients writing, requests waited up to 30 s for the "
    "lock and trytond gave up (HTTP 503; 404 for logins)")
def test_activity_load(request, sql, rpc, load_url, database_name,
        DEMO_PASSWORD):
    admin = rpc('admin')
    today = _today(admin)
    candidates = _candidates(sql, today)
    # Who appraises whom today, as the server computes it
    appraisers = {r['id']: r['appraiser'] for r in admin.call(
            'model.company.employee.read', list(candidates), ['appraiser'],
            {})}
    by_appraiser = defaultdict(list)
    for employee, appraiser in appraisers.items():
        if appraiser in candidates and appraiser != employee:
            by_appraiser[appraiser].append(employee)
    teams = {}
    members = set()
    for appraiser in sorted(by_appraiser,
            key=lambda a: (-len(by_appraiser[a]), a)):
        if appraiser in members:
            continue
        team = [e for e in by_appraiser[appraiser]
            if e not in members and e not in teams][:PER_APPRAISER]
        if not team:
            continue
        room = CLIENTS - len(members) - len(teams) - 1
        if room <= 0:
            break
        teams[appraiser] = team[:room]
        members.update(teams[appraiser])
    assert len(members) + len(teams) == CLIENTS, (
        "not enough demo employees for %s clients" % CLIENTS)

    [[baseline]] = sql('SELECT coalesce(max(id), 0) FROM skp_activity')
    busy_rows = [(e, _time(s), _time(f)) for e, s, f in sql(
            "SELECT employee, start_time, end_time FROM skp_activity "
            "WHERE date = '%s'" % today)]

    # Sessions, opened before the clock starts
    sessions = {}
    errors = []

    def open_session(employee):
        try:
            sessions[employee] = _login(load_url, database_name,
                candidates[employee][0], DEMO_PASSWORD)
        except Exception as exception:
            errors.append(('login', employee, repr(exception)))
    threads = [threading.Thread(target=open_session, args=(e,))
        for e in [*members, *teams]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors

    created = defaultdict(list)  # employee: ids
    verified = defaultdict(list)  # appraiser: ids
    latencies = defaultdict(list)  # operation: seconds
    lock = threading.Lock()
    start = time.monotonic()
    end = start + DURATION
    entry_done = threading.Event()
    exhausted = []

    def timed(operation, client, method, *params):
        t0 = time.monotonic()
        try:
            return client.call(method, *params)
        finally:
            with lock:
                latencies[operation].append(time.monotonic() - t0)

    def enter(employee):
        client, context = sessions[employee]
        login, iki = candidates[employee]
        slots = _free_slots(sql, employee, today, busy_rows)
        company = context.get('company')
        for n, (begin, finish) in enumerate(slots):
            if time.monotonic() >= end:
                break
            try:
                [activity] = timed('create', client,
                    'model.skp.activity.create', [{
                            'company': company,
                            'employee': employee,
                            'date': today,
                            'start_time': begin,
                            'end_time': finish,
                            'name': 'Load test %s #%d' % (login, n),
                            'iki': iki,
                            'additional': False,
                            }], context)
                with lock:
                    created[employee].append(activity)
                timed('submit', client, 'model.skp.activity.submit',
                    [activity], context)
            except Exception as exception:
                with lock:
                    errors.append(('enter', login, repr(exception)))
                return
        else:
            exhausted.append(employee)

    def verify(appraiser):
        client, context = sessions[appraiser]
        team = teams[appraiser]
        while True:
            try:
                ids = timed('search', client, 'model.skp.activity.search', [
                        ('employee', 'in', team),
                        ('state', '=', 'submitted'),
                        ('id', '>', baseline),
                        ], 0, 100, [('id', 'ASC')], context)
                if ids:
                    timed('verify', client, 'model.skp.activity.verify',
                        ids, context)
                    with lock:
                        verified[appraiser].extend(ids)
                    continue
            except Exception as exception:
                with lock:
                    errors.append(('verify', candidates[appraiser][0],
                            repr(exception)))
                return
            if entry_done.is_set() or (
                    time.monotonic() > end + DRAIN_TIMEOUT):
                return
            time.sleep(0.2)

    entry = [threading.Thread(target=enter, args=(e,)) for e in members]
    verification = [threading.Thread(target=verify, args=(a,))
        for a in teams]
    for thread in entry + verification:
        thread.start()
    for thread in entry:
        thread.join()
    entry_seconds = time.monotonic() - start
    entry_done.set()
    for thread in verification:
        thread.join(DURATION + DRAIN_TIMEOUT)
    total_seconds = time.monotonic() - start
    for client, _ in sessions.values():
        client.close()

    calls = sum(len(v) for v in latencies.values())
    all_latencies = [x for v in latencies.values() for x in v]
    n_created = sum(len(v) for v in created.values())
    lines = ['[load] %s, %d clients (%d entering, %d verifying), '
        '%.0f s of entry + %.1f s to verify the rest' % (
            'PostgreSQL, gunicorn 2 workers' if _is_postgresql(
                _database_uri()) else 'SQLite, trytond server',
            CLIENTS, len(members), len(teams), entry_seconds,
            total_seconds - entry_seconds),
        '[load] %d calls, %.1f calls/s; %d activities created and '
        'submitted (%.1f/s), %d verified; errors: %d%s' % (
            calls, calls / total_seconds, n_created,
            n_created / entry_seconds,
            sum(len(v) for v in verified.values()), len(errors),
            '; %d employees ran out of free time slots' % len(exhausted)
            if exhausted else '')]
    for operation in ['create', 'submit', 'search', 'verify']:
        values = latencies[operation]
        if values:
            lines.append('[load]   %-6s n=%5d  p50 %6.1f ms  p95 %6.1f ms  '
                'max %6.1f ms' % (operation, len(values),
                    statistics.median(values) * 1000,
                    _percentile(values, 95) * 1000, max(values) * 1000))
    lines.append('[load]   all    n=%5d  p50 %6.1f ms  p95 %6.1f ms' % (
            len(all_latencies), statistics.median(all_latencies) * 1000,
            _percentile(all_latencies, 95) * 1000))
    for line in lines:
        report_line(request, line)

    assert not errors, errors[:10]
    # Every activity the clients were told about is there once, and
    # nothing else was created
    rows = sql('SELECT id, employee, state, verified_by, start_time '
        'FROM skp_activity WHERE id > %d' % baseline)
    created_ids = sorted(i for v in created.values() for i in v)
    assert len(created_ids) == len(set(created_ids))
    assert sorted(r[0] for r in rows) == created_ids
    assert n_created >= len(members), "some employees created nothing"
    owner = {i: e for e, ids in created.items() for i in ids}
    assert all(owner[i] == e for i, e, *_ in rows)
    assert len({(e, str(s)) for _, e, _, _, s in rows}) == len(rows)
    # All verified, once, by the employee's appraiser
    verified_ids = sorted(i for v in verified.values() for i in v)
    assert verified_ids == created_ids
    assert {r[2] for r in rows} == {'verified'}
    assert all(r[3] == appraisers[r[1]] for r in rows)


def _submitted_revision(sql, rpc, url, database, password):
    """(SKP id, its previous version, employee, appraiser): a new version
    of the approved SKP of an employee the load does not use, submitted
    to the appraiser."""
    admin = rpc('admin')
    today = _today(admin)
    candidates = _candidates(sql, today)
    appraisers = {r['id']: r['appraiser'] for r in admin.call(
            'model.company.employee.read', list(candidates), ['appraiser'],
            {})}
    # The last suitable employee with no SKP under way, not in the load
    loaded = {e for e, in sql('SELECT DISTINCT employee FROM skp_activity '
            "WHERE name LIKE 'Load test %'")}
    busy = {e for e, in sql('SELECT DISTINCT employee FROM skp_skp '
            "WHERE state NOT IN ('approved', 'superseded')")}
    employee = max(e for e, a in appraisers.items()
        if a in candidates and a != e and e not in loaded | busy)
    client, context = _login(url, database, candidates[employee][0],
        password)
    try:
        [skp] = client.call('model.skp.skp.search', [
                ('employee', '=', employee),
                ('state', '=', 'approved'),
                ('start_date', '<=', today),
                ('end_date', '>=', today),
                ], 0, None, None, context)
        # The button returns the action opening the new version
        action = client.call('model.skp.skp.revise', [skp], context)
        [revision] = action['res_id']
        client.call('model.skp.skp.submit', [revision], context)
    finally:
        client.close()
    return revision, skp, employee, candidates[appraisers[employee]][0]


def _at_once(*calls):
    """Run the calls in threads released together; return their outcomes:
    'ok' or the RPCError raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index):
        barrier.wait()
        try:
            calls[index]()
            outcomes[index] = 'ok'
        except RPCError as error:
            outcomes[index] = error
    threads = [threading.Thread(target=run, args=(i,))
        for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return outcomes


def _transitions(sql, skp):
    return sql("SELECT target FROM ir_model_log WHERE resource = "
        "'skp.skp,%d' AND event = 'transition' ORDER BY id" % skp)


def test_concurrent_approval(sql, rpc, load_url, database_name,
        DEMO_PASSWORD):
    "Two sessions of the appraiser approve one SKP at the same instant."
    skp, previous, employee, login = _submitted_revision(
        sql, rpc, load_url, database_name, DEMO_PASSWORD)
    sessions = [_login(load_url, database_name, login, DEMO_PASSWORD)
        for _ in range(2)]
    try:
        outcomes = _at_once(*(
                lambda c=c, x=x: c.call('model.skp.skp.approve', [skp], x)
                for c, x in sessions))
    finally:
        for client, _ in sessions:
            client.close()

    assert outcomes.count('ok') == 1, outcomes
    [error] = [o for o in outcomes if o != 'ok']
    # A user error naming the SKP, not an HTTP error nor a server crash:
    # on PostgreSQL, the retry after the serialization failure finds the
    # button no longer allowed; on SQLite, the claim of the SKP by the
    # second approval finds it approved
    assert not isinstance(error, HTTPError), error
    assert error.fault == 'UserError', error
    assert ('You can not call "approve"' in error.message
        or 'is Approved' in error.message), error.message
    assert ' v2' in error.message, error.message
    [[state, approved_by]] = sql(
        'SELECT state, approved_by FROM skp_skp WHERE id = %d' % skp)
    assert state == 'approved'
    assert sql('SELECT state FROM skp_skp WHERE id = %d' % previous) == [
        ('superseded',)]
    # Approved once
    assert _transitions(sql, skp) == [
        ('state:submitted',), ('state:approved',)]
    assert sql("SELECT count(*) FROM skp_signatory WHERE skp = %d "
        "AND role = 'appraiser'" % skp) == [(1,)]


def test_concurrent_approval_and_return(sql, rpc, load_url, database_name,
        DEMO_PASSWORD):
    """One session of the appraiser approves while another returns the SKP
    through the return wizard opened before: one of the two decisions is
    taken, the other is refused with a clear message (not silently
    dropped while the wizard says it is done)."""
    skp, previous, employee, login = _submitted_revision(
        sql, rpc, load_url, database_name, DEMO_PASSWORD)
    (approver, a_context), (returner, r_context) = sessions = [
        _login(load_url, database_name, login, DEMO_PASSWORD)
        for _ in range(2)]
    wizard_context = dict(r_context, active_model='skp.skp', active_id=skp,
        active_ids=[skp])
    try:
        # The appraiser opens the return wizard (the button checks that
        # the SKP is submitted), then the two decisions go at once
        returner.call('model.skp.skp.return_', [skp], r_context)
        session, _, _ = returner.call('wizard.skp.skp.return.create',
            wizard_context)
        outcomes = _at_once(
            lambda: approver.call('model.skp.skp.approve', [skp], a_context),
            lambda: returner.call('wizard.skp.skp.return.execute', session,
                {'start': {'reason': 'Target kurang terukur'}}, 'return_',
                wizard_context))
    finally:
        for client, _ in sessions:
            client.close()

    assert outcomes.count('ok') == 1, outcomes
    [error] = [o for o in outcomes if o != 'ok']
    assert not isinstance(error, HTTPError), error
    assert error.fault == 'UserError', error
    [[state, reason]] = sql(
        'SELECT state, return_reason FROM skp_skp WHERE id = %d' % skp)
    if outcomes[0] == 'ok':
        assert state == 'approved'
        assert reason is None
        assert 'Approved' in error.message, error.message
        assert _transitions(sql, skp) == [
            ('state:submitted',), ('state:approved',)]
    else:
        assert state == 'returned'
        assert reason == 'Target kurang terukur'
        assert _transitions(sql, skp) == [
            ('state:submitted',), ('state:returned',)]


def test_concurrent_overlapping_entries(sql, rpc, load_url, database_name,
        DEMO_PASSWORD):
    """An employee saves the same activity twice at the same instant (two
    tabs, a double click), five times: each time one is kept and the other
    refused with a user error. The check in Python cannot see the other
    transaction's row; PostgreSQL's exclusion constraint can (SQLite takes
    one writer at a time)."""
    admin = rpc('admin')
    today = _today(admin)
    candidates = _candidates(sql, today)
    employee = min(candidates)
    login, iki = candidates[employee]
    busy = [(employee, _time(s), _time(f)) for s, f in sql(
            "SELECT start_time, end_time FROM skp_activity "
            "WHERE employee = %d AND date = '%s'" % (employee, today))]
    slots = _free_slots(sql, employee, today, busy)[:5]
    sessions = [_login(load_url, database_name, login, DEMO_PASSWORD)
        for _ in range(2)]
    created = []
    try:
        for n, (begin, end) in enumerate(slots):
            values = {
                'employee': employee, 'date': today, 'iki': iki,
                'start_time': begin, 'end_time': end, 'additional': False,
                'name': 'Overlap test %d' % n,
                }
            outcomes = _at_once(*(lambda c=c, x=x: created.extend(c.call(
                            'model.skp.activity.create', [values], x))
                    for c, x in sessions))
            assert outcomes.count('ok') == 1, outcomes
            [error] = [o for o in outcomes if o != 'ok']
            assert not isinstance(error, HTTPError), error
            assert error.fault == 'UserError', error
            assert 'overlaps' in error.message, error.message
            assert sql("SELECT count(*) FROM skp_activity WHERE name = "
                "'Overlap test %d' AND employee = %d" % (n, employee)) == [
                (1,)]
    finally:
        client, context = sessions[0]
        if created:
            client.call('model.skp.activity.delete', created, context)
        for client, _ in sessions:
            client.close()
    assert len(created) == len(slots) == 5
