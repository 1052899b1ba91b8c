"""The production shape on PostgreSQL: backup and restore round trip, and
several trytond processes serving one database.

The demo database of the session (tests/conftest.py) is backed up with
scripts/backup.sh and restored with scripts/restore.sh into a new database
of this module; the restored database must hold the same rows in every
table, accept logins and writes.  It then serves as the shared database of
three gunicorn servers started with config/gunicorn.conf.py (the production
configuration of the web processes):

  A, B     two workers each, [cache] clean_timeout = 0 (as production.conf):
           caches are invalidated between processes through PostgreSQL
           LISTEN/NOTIFY;
  control  one worker, trytond's default clean_timeout of 300 s: it proves
           that the checked values go through a process cache, by keeping
           the old value after the change.

A change made through A (a configuration value, a group membership, a
record rule) must be seen through B at once.

PostgreSQL only: SQLite serves one process per file, and backup.sh is
pg_dump.
"""
import os
import secrets
import subprocess
import time
import urllib.parse
from collections import Counter

import pytest

from conftest import (
    ADMIN_PASSWORD, BIN, REPO, _database_uri, _environ, _free_port,
    _is_postgresql, _postgresql, _stop, _write_config, report_line)
from skp_tools.rpc import Client, HTTPError
from trytond.modules.skp_asn.tests.smtp_sink import SMTPSink

pytestmark = pytest.mark.skipif(
    not _is_postgresql(_database_uri()),
    reason="deployment tests need PostgreSQL (several processes on one "
    "database, pg_dump): set TRYTOND_DATABASE_URI=postgresql://...")

STARTUP_TIMEOUT = 120
# How long a change may take to reach another process; measured in
# milliseconds (the delays are printed), allowed a margin for a loaded CI.
PROPAGATION_TIMEOUT = 5
CONTEXT = {'language': 'en'}


def _connect(name):
    import psycopg
    url = urllib.parse.urlsplit(_database_uri())._replace(path='/' + name)
    return psycopg.connect(url.geturl(), autocommit=True)


def _query(name, statement, params=None):
    with _connect(name) as connection:
        return connection.execute(statement, params).fetchall()


def _table_counts(name):
    "{table: rows} of every table of the database."
    with _connect(name) as connection:
        tables = [t for t, in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name")]
        return {t: connection.execute(
                'SELECT count(*) FROM "%s"' % t).fetchone()[0]
            for t in tables}


def _script_env():
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_')}
    env['TRYTOND_DATABASE_URI'] = _database_uri()
    return env


@pytest.fixture(scope='module')
def backup(_demo_database, tmp_path_factory):
    """(dump path, row counts of the demo database when it was dumped,
    seconds the backup took)."""
    name, _, folder = _demo_database
    out = tmp_path_factory.mktemp('backup')
    counts = _table_counts(name)
    start = time.monotonic()
    process = subprocess.run(
        ['bash', REPO / 'scripts' / 'backup.sh', '-d', name, '-o', out,
            '-f', folder],
        env=_script_env(), capture_output=True, text=True, timeout=600)
    assert process.returncode == 0, process.stderr
    seconds = time.monotonic() - start
    dump = process.stdout.strip().splitlines()[-1]
    # Nothing was written while the dump was taken
    assert _table_counts(name) == counts
    return dump, counts, seconds


@pytest.fixture(scope='module')
def restored(backup, _demo_database):
    "(name of a new database restored from the backup, restore seconds)."
    dump, _, _ = backup
    _, _, folder = _demo_database
    name = 'skp_restored_' + secrets.token_hex(4)
    start = time.monotonic()
    try:
        process = subprocess.run(
            ['bash', REPO / 'scripts' / 'restore.sh', '-d', name,
                '-f', folder, dump],
            env=_script_env(), capture_output=True, text=True, timeout=600)
        assert process.returncode == 0, process.stderr
        yield name, time.monotonic() - start
    finally:
        _postgresql(_database_uri(),
            'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)


def _gunicorn(config, name, log, workers):
    "Start gunicorn (config/gunicorn.conf.py) on `name`: (process, url)."
    port = _free_port()
    env = _environ(config)
    env['TRYTOND_DATABASE_NAMES'] = name
    env['SKP_ACCESS_LOG'] = str(log) + '.access'
    with open(log, 'ab') as fp:
        process = subprocess.Popen(
            [BIN / 'gunicorn', '-c', REPO / 'config' / 'gunicorn.conf.py',
                '--bind', '127.0.0.1:%s' % port, '--workers', str(workers),
                '--name', 'skp-test-%s' % port],
            cwd=REPO, env=env, stdout=fp, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
    url = 'http://127.0.0.1:%s/' % port
    return process, url


def _wait(process, url, log):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail('gunicorn exited with %s (log: %s)'
                % (process.returncode, log), pytrace=False)
        try:
            with Client(url, None, timeout=30) as client:
                client.call('common.server.version')
            return
        except (OSError, HTTPError):
            time.sleep(0.2)
    pytest.fail('gunicorn did not answer (log: %s)' % log, pytrace=False)


@pytest.fixture(scope='module')
def servers(restored, _demo_database, tmp_path_factory):
    """{'A': url, 'B': url, 'control': url}: gunicorn servers on the
    restored database (see the module's docstring)."""
    name, _ = restored
    # The file store of the restored database is beside the demo's
    _, _, filestore = _demo_database
    folder = tmp_path_factory.mktemp('servers')
    started = {}
    try:
        for label, workers, clean_timeout in [
                ('A', 2, 0), ('B', 2, 0), ('control', 1, 300)]:
            config = _write_config(folder / ('%s.conf' % label),
                database={'uri': _database_uri(), 'path': filestore},
                cache={'clean_timeout': clean_timeout})
            log = folder / ('%s.log' % label)
            started[label] = _gunicorn(config, name, log, workers) + (log,)
        for process, url, log in started.values():
            _wait(process, url, log)
        yield {label: url for label, (_, url, _) in started.items()}
    finally:
        for process, _, _ in started.values():
            _stop(process)


def test_backup_restore_round_trip(request, backup, restored, servers,
        DEMO_PASSWORD):
    "Every table has the same rows; users log in and write in the copy."
    dump, counts, backup_seconds = backup
    name, restore_seconds = restored
    restored_counts = _table_counts(name)
    assert restored_counts == counts
    for table in ['company_employee', 'res_user', 'skp_skp', 'skp_activity',
            'ir_model_log']:
        assert counts.get(table), table
    size = os.path.getsize(dump)
    report_line(request, '[deployment] backup %.1f s, %d KiB, restore %.1f s: '
        '%d tables, %d rows, same counts; employees %d, SKP %d, '
        'activities %d' % (backup_seconds, size // 1024, restore_seconds,
            len(counts), sum(counts.values()), counts['company_employee'],
            counts['skp_skp'], counts['skp_activity']))

    with Client(servers['A'], name) as client:
        client.login('pegawai', DEMO_PASSWORD)
        skps = client.call('model.skp.skp.search',
            [('state', '=', 'approved')], 0, None, None, CONTEXT)
        assert skps
    with Client(servers['A'], name) as admin:
        admin.login('admin', ADMIN_PASSWORD)
        # A write: the identity sequences were restored past the rows
        [holiday] = admin.call('model.skp.holiday.create', [{
                    'date': _date(2031, 1, 2),
                    'name': 'Restored database write'}], CONTEXT)
        [[maximum]] = _query(name, 'SELECT max(id) FROM skp_holiday')
        assert holiday == maximum
        admin.call('model.skp.holiday.delete', [holiday], CONTEXT)


def _date(year, month, day):
    import datetime as dt
    return dt.date(year, month, day)


def _until(check, timeout=PROPAGATION_TIMEOUT):
    """Call check() until it returns a true value; return (value, seconds
    from the first call)."""
    start = time.monotonic()
    while True:
        value = check()
        if value or time.monotonic() - start > timeout:
            return value, time.monotonic() - start
        time.sleep(0.02)


def _warm(client, method, *params, times=8):
    "Call several times so that every worker has cached the answer."
    results = {repr(client.call(method, *params)) for _ in range(times)}
    assert len(results) == 1, results
    return client.call(method, *params)


def test_change_seen_by_other_process(request, restored, servers,
        DEMO_PASSWORD):
    name, _ = restored
    [[user_id, login]] = _query(name,
        "SELECT u.id, u.login FROM res_user u "
        "JOIN company_employee e ON e.id = u.employee "
        "WHERE u.login ~ '^[0-9]+$' AND e.position_type = 'pelaksana' "
        "AND NOT EXISTS (SELECT 1 FROM company_employee s "
        "WHERE s.supervisor = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM \"res_user-res_group\" g "
        "JOIN ir_model_data d ON d.model = 'res.group' "
        "AND d.db_id = g.\"group\" AND d.module = 'skp_asn' "
        "AND d.fs_id IN ('group_skp_admin', 'group_skp_admin_opd', "
        "'group_skp_leader') WHERE g.\"user\" = u.id) "
        "ORDER BY u.id LIMIT 1")
    [[admin_group]] = _query(name, "SELECT db_id FROM ir_model_data "
        "WHERE module = 'skp_asn' AND fs_id = 'group_skp_admin'")
    [[employees_total]] = _query(name, 'SELECT count(*) FROM company_employee')
    [[holidays_total]] = _query(name, 'SELECT count(*) FROM skp_holiday')
    assert holidays_total

    admin = Client(servers['A'], name)
    admin.login('admin', ADMIN_PASSWORD)
    clients = {}
    for label in ['B', 'control']:
        clients[label] = Client(servers[label], name)
        clients[label].login(login, DEMO_PASSWORD)
    delays = {}

    def read_minimum(client):
        [config] = client.call('model.skp.configuration.read', [1],
            ['daily_minimum'], CONTEXT)
        return config['daily_minimum']

    def count(client, model):
        return client.call('model.%s.search_count' % model, [], 0, None,
            CONTEXT)

    try:
        # 1. A configuration value (stored, read from the database)
        before = read_minimum(clients['B'])
        admin.call('model.skp.configuration.write', [1],
            {'daily_minimum': before - 10}, CONTEXT)
        value, delays['configuration'] = _until(
            lambda: read_minimum(clients['B']) == before - 10)
        assert value, "B still reads the old daily minimum"

        # 2. A group membership: Admin BKPSDM sees every employee
        for label in ['B', 'control']:
            seen = _warm(clients[label], 'model.company.employee.search_count',
                [], 0, None, CONTEXT)
            assert 0 < seen < employees_total, (label, seen)
        admin.call('model.res.user.write', [user_id],
            {'groups': [('add', [admin_group])]}, CONTEXT)
        value, delays['group'] = _until(
            lambda: count(clients['B'], 'company.employee')
            == employees_total)
        assert value, "B did not apply the new group"
        # The control process keeps its cached groups: the check above
        # went through a process cache
        assert count(clients['control'], 'company.employee') == seen

        # 3. A record rule: hide every holiday from everyone
        for label in ['B', 'control']:
            assert _warm(clients[label], 'model.skp.holiday.search_count',
                [], 0, None, CONTEXT) == holidays_total
        [rule_group] = admin.call('model.ir.rule.group.create', [{
                    'name': 'Deployment test: no holiday',
                    'model': 'skp.holiday',
                    'global_p': True,
                    'perm_read': True,
                    'rules': [('create', [{'domain': '[["id", "<", 0]]'}])],
                    }], CONTEXT)
        value, delays['rule'] = _until(
            lambda: count(clients['B'], 'skp.holiday') == 0)
        assert value, "B did not apply the new record rule"
        assert count(clients['control'], 'skp.holiday') == holidays_total
        admin.call('model.ir.rule.group.delete', [rule_group], CONTEXT)
        value, delays['rule removed'] = _until(
            lambda: count(clients['B'], 'skp.holiday') == holidays_total)
        assert value, "B did not forget the deleted record rule"
    finally:
        for client in [admin, *clients.values()]:
            client.close()
    report_line(request, '[deployment] change through A seen through B after: '
        + ', '.join('%s %.0f ms' % (k, v * 1000) for k, v in delays.items())
        + '; the control process (clean_timeout 300 s) kept the old groups '
        'and rules')


def test_cron_queues_reports_for_worker(request, restored, servers,
        _demo_database, tmp_path):
    """trytond-cron (--once) runs the monthly reports' cron job, which
    queues one task per report; trytond-worker (2 processes, [queue]
    worker = True as production.conf) renders and mails them: each
    report sent once, one queued task each, none left."""
    name, _ = restored
    _, _, filestore = _demo_database
    sink = SMTPSink.start()
    processes = []
    try:
        with Client(servers['A'], name) as admin:
            admin.login('admin', ADMIN_PASSWORD)
            parties = _query(name, 'SELECT e.party, e.nip '
                'FROM company_employee e WHERE NOT EXISTS (SELECT 1 '
                'FROM party_contact_mechanism c WHERE c.party = e.party '
                "AND c.type = 'email')")
            admin.call('model.party.contact_mechanism.create', [{
                        'party': party, 'type': 'email',
                        'value': 'asn%s@skp.example' % nip,
                        } for party, nip in parties], CONTEXT)
        [[cron]] = _query(name, "SELECT db_id FROM ir_model_data "
            "WHERE module = 'skp_reports' AND fs_id = 'cron_send_monthly'")
        # only this job is due (trytond-cron runs every due job)
        _query(name, "UPDATE ir_cron SET next_call = CASE WHEN id = %s "
            "THEN now() - interval '1 minute' "
            "ELSE now() + interval '1 day' END RETURNING id", (cron,))
        config = _write_config(tmp_path / 'jobs.conf',
            database={'uri': _database_uri(), 'path': filestore},
            queue={'worker': True},
            email={'uri': sink.uri, 'from': 'SKP-ASN <skp@skp.example>'})
        env = _environ(config)
        log = tmp_path / 'jobs.log'
        with open(log, 'ab') as fp:
            def start(*command):
                processes.append(subprocess.Popen(
                        [BIN / command[0], '-c', config, '-d', name,
                            *command[1:]],
                        cwd=REPO, env=env, stdout=fp,
                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
                return processes[-1]
            start('trytond-worker', '-n', '2', '--name', 'skp_reports')
            started = time.monotonic()
            cron_process = start('trytond-cron', '--once')
            assert cron_process.wait(600) == 0, log.read_text()[-3000:]
        queued = time.monotonic() - started

        def dispatches():
            return _query(name, 'SELECT d.state, c.value '
                'FROM skp_report_dispatch d '
                'JOIN company_employee e ON e.id = d.recipient '
                'JOIN party_contact_mechanism c ON c.party = e.party '
                "AND c.type = 'email'")
        assert len(dispatches()) > 10  # planned by the cron job
        done, seconds = _until(
            lambda: all(s == 'sent' for s, _ in dispatches()), timeout=600)
        assert done, log.read_text()[-3000:]
        rows = dispatches()
        received = Counter(r for rcpts, _ in sink.messages for r in rcpts)
        assert received == Counter(address for _, address in rows)
        [[tasks, unfinished]] = _query(name, 'SELECT count(*), '
            'count(*) FILTER (WHERE finished_at IS NULL) FROM ir_queue '
            "WHERE name = 'skp_reports'")
        assert (tasks, unfinished) == (len(rows), 0)
    finally:
        for process in processes:
            _stop(process)
        sink.stop()
    report_line(request, '[deployment] trytond-cron queued %d reports in '
        '%.1f s; trytond-worker (2 processes) rendered and mailed them in '
        '%.1f s more, each once' % (len(rows), queued, seconds))


def test_materialized_month_summary(request, restored, servers,
        _demo_database, tmp_path, DEMO_PASSWORD):
    """production.conf's [table_query_materialized]: trytond-admin -u
    skp_asn makes skp.activity.month a materialized view and fills it; a
    server with that configuration reads the months from it under the
    record rules (an employee sees only their own); a change of the
    activities shows there only after Tryton's "Refresh Data"."""
    name, _ = restored
    _, _, filestore = _demo_database
    config = _write_config(tmp_path / 'materialized.conf',
        database={'uri': _database_uri(), 'path': filestore},
        table_query_materialized={'skp.activity.month': 3600})
    env = _environ(config)
    log = tmp_path / 'materialized.log'
    started = time.monotonic()
    with open(log, 'ab') as fp:
        update = subprocess.run(
            [BIN / 'trytond-admin', '-c', config, '-d', name, '-u',
                'skp_asn'],
            cwd=REPO, env=env, stdout=fp, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, timeout=600)
    assert update.returncode == 0, log.read_text()[-3000:]
    updated = time.monotonic() - started
    assert _query(name, "SELECT relkind FROM pg_class "
        "WHERE relname = 'skp_activity_month'") == [('m',)]

    [[pegawai]] = _query(name,
        "SELECT employee FROM res_user WHERE login = 'pegawai'")
    [[activity, year, month]] = _query(name, 'SELECT id, '
        'EXTRACT(YEAR FROM date)::int, EXTRACT(MONTH FROM date)::int '
        "FROM skp_activity WHERE employee = %s AND state = 'verified' "
        'ORDER BY date DESC, id DESC LIMIT 1', (pegawai,))

    def live():
        "pegawai's months grouped from the activities now."
        return {(y, m): (n, v) for y, m, n, v in _query(name,
                'SELECT EXTRACT(YEAR FROM date)::int, '
                'EXTRACT(MONTH FROM date)::int, count(*)::int, '
                "count(*) FILTER (WHERE state = 'verified')::int "
                'FROM skp_activity WHERE employee = %s GROUP BY 1, 2',
                (pegawai,))}

    process, url = _gunicorn(config, name, log, 1)
    try:
        _wait(process, url, log)
        with Client(url, name) as client:
            client.login('pegawai', DEMO_PASSWORD)

            def months():
                rows = client.call('model.skp.activity.month.search_read',
                    [], 0, None, None,
                    ['employee', 'year', 'month', 'activities', 'verified'],
                    CONTEXT)
                assert {r['employee'] for r in rows} == {pegawai}
                return {(r['year'], r['month']): (
                            r['activities'], r['verified']) for r in rows}
            before = live()
            assert months() == before

            # a verification undone behind the view's back
            _query(name, "UPDATE skp_activity SET state = 'submitted' "
                'WHERE id = %s RETURNING id', (activity,))
            try:
                after = live()
                assert after[year, month] == (
                    before[year, month][0], before[year, month][1] - 1)
                assert months() == before  # the view is as refreshed
                with Client(url, name) as admin:
                    admin.login('admin', ADMIN_PASSWORD)
                    context = dict(CONTEXT,
                        active_model='skp.activity.month',
                        active_id=None, active_ids=[])
                    session, _, _ = admin.call(
                        'wizard.ir.model.refresh_materialized.create',
                        context)
                    admin.call('wizard.ir.model.refresh_materialized.execute',
                        session, {}, 'start', context)
                    admin.call('wizard.ir.model.refresh_materialized.delete',
                        session, context)
                assert months() == after
            finally:
                _query(name, "UPDATE skp_activity SET state = 'verified' "
                    'WHERE id = %s RETURNING id', (activity,))
    finally:
        _stop(process)
    report_line(request, '[deployment] trytond-admin -u skp_asn made the '
        'monthly summary a materialized view in %.1f s; read under the '
        'record rules, refreshed by "Refresh Data"' % updated)
