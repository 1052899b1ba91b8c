"""Session harness of the end-to-end tests: a real trytond server on the
demo data, driven through JSON-RPC (and by browser tests through sao).

Once per pytest session it creates a database (an SQLite file in pytest's
temporary folder, or a uniquely named PostgreSQL database, dropped at the
end, when TRYTOND_DATABASE_URI starts with postgresql), activates skp_asn and
skp_reports with the Indonesian language, loads the Makassar demo data with
`skp_tools.demo` and serves it with `trytond` (PYTHONOPTIMIZE=1, a free port
on 127.0.0.1, sao when `var/sao/package` is installed).

Everything runs in subprocesses configured from `config/test.conf`, so the
module tests' own trytond setup (TRYTOND_DATABASE_URI, DB_NAME) in the same
pytest process is left alone.  The server's log is added to the report of
every failed test that used it.

Fixtures (session-scoped):
    DEMO_PASSWORD    the password of every demo login
    database_name    the name of the served database
    server_url       'http://127.0.0.1:<port>/' (sao at that URL when present,
                     JSON-RPC at <server_url><database_name>/rpc/)
    sql              sql(query): rows read straight from the database
    rpc              factory: rpc(login, password=None) returns a logged-in
                     skp_tools.rpc.Client (demo password by default, the admin
                     password for 'admin'); one client per login, shared by
                     the session: do not log it out
"""
import configparser
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from skp_tools.rpc import Client, HTTPError

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAO_ROOT = REPO / 'var' / 'sao' / 'package'
ADMIN_PASSWORD = 'admin-SKP-test-2026'
MODULES = ['skp_asn', 'skp_reports']
STARTUP_TIMEOUT = 120
_LOG_OFFSET = pytest.StashKey[tuple]()
_server_log = None


def _database_uri():
    return os.environ.get('TRYTOND_DATABASE_URI') or 'sqlite://'


def _is_postgresql(uri):
    return uri.startswith('postgresql')


def _environ(config):
    """The environment of the subprocesses: `config` alone configures them,
    from the start (trytond picks its backend when first imported)."""
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_')
        and k not in {'DB_NAME', 'DB_CACHE', 'TRYTONPASSFILE'}}
    env['TRYTOND_CONFIG'] = str(config)
    env['PYTHONOPTIMIZE'] = '1'
    return env


def _write_config(path, **sections):
    "Write config/test.conf completed with the run's values to `path`."
    config = configparser.ConfigParser(interpolation=None)
    config.read(REPO / 'config' / 'test.conf')
    for section, values in sections.items():
        if not config.has_section(section):
            config.add_section(section)
        for key, value in values.items():
            config.set(section, key, str(value))
    with open(path, 'w') as fp:
        config.write(fp)
    return path


def _run(command, log, **kwargs):
    "Run `command` with its output in `log`; fail the session if it fails."
    start = time.monotonic()
    with open(log, 'ab') as fp:
        fp.write(('$ %s\n' % ' '.join(map(str, command))).encode())
        fp.flush()
        process = subprocess.run(command, cwd=REPO, stdout=fp,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, **kwargs)
        fp.write(b'# exit %d in %.1f s\n' % (
                process.returncode, time.monotonic() - start))
    if process.returncode:
        _fail('%s failed with exit code %s' % (
                ' '.join(map(str, command)), process.returncode), log)


def _fail(message, log):
    """Fail the setup of the end-to-end tests. The log is printed once, in
    the captured output of the first test; the following ones only get
    `message` (pytest raises a failed session fixture again for each)."""
    print(_tail(log))
    pytest.fail('%s (log: %s)' % (message, log), pytrace=False)


def _tail(path, lines=200):
    with open(path, errors='replace') as fp:
        return ''.join(fp.readlines()[-lines:])


def _postgresql(uri, statement):
    import psycopg
    url = urllib.parse.urlsplit(uri)
    try:
        with psycopg.connect(url._replace(path='/postgres').geturl(),
                autocommit=True) as connection:
            connection.execute(statement)
    except psycopg.Error as error:
        pytest.fail('PostgreSQL: %s: %s' % (statement, error), pytrace=False)


@pytest.fixture(scope='session')
def DEMO_PASSWORD():
    "The password of every demo login."
    from skp_tools.demo import DEMO_PASSWORD
    return DEMO_PASSWORD


@pytest.fixture(scope='session')
def _demo_database(tmp_path_factory):
    """(name, config path, folder) of a database with the SKP modules, the
    Indonesian language and the demo data; built once per session."""
    folder = tmp_path_factory.mktemp('trytond')
    uri = _database_uri()
    log = folder / 'setup.log'
    name = 'skp_e2e_' + secrets.token_hex(4)
    if _is_postgresql(uri):
        _postgresql(uri, 'CREATE DATABASE "%s" TEMPLATE template0 '
            "ENCODING 'UTF8'" % name)
    else:
        (folder / (name + '.sqlite')).touch()
    config = _write_config(folder / 'trytond.conf',
        database={'uri': uri, 'path': folder})
    passfile = folder / 'admin-password'
    passfile.write_text(ADMIN_PASSWORD + '\n')
    env = _environ(config)
    try:
        admin = [BIN / 'trytond-admin', '-c', config, '-d', name,
            '--email', 'admin@example.com', '-l', 'id',
            '--activate-dependencies', '-u', *MODULES]
        _run(admin, log, env={**env, 'TRYTONPASSFILE': str(passfile)})
        demo = [sys.executable, '-m', 'skp_tools.demo', '-c', config,
            '-d', name]
        _run(demo, log, env=env)
        yield name, config, folder
    finally:
        if _is_postgresql(uri):
            _postgresql(uri, 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)'
                % name)


@pytest.fixture(scope='session')
def sql(_demo_database):
    """sql(query) returns the rows of a literal, read-only SQL query on the
    served database, bypassing trytond and its rules: the ground truth that
    what the server returns is checked against."""
    name, _, folder = _demo_database
    uri = _database_uri()

    def query(statement):
        if _is_postgresql(uri):
            import psycopg
            url = urllib.parse.urlsplit(uri)._replace(path='/' + name)
            with psycopg.connect(url.geturl()) as connection:
                return connection.execute(statement).fetchall()
        connection = sqlite3.connect(
            'file:%s?mode=ro' % (folder / (name + '.sqlite')), uri=True)
        try:
            return connection.execute(statement).fetchall()
        finally:
            connection.close()
    return query


@pytest.fixture(scope='session')
def database_name(_demo_database):
    "The name of the database the server serves."
    return _demo_database[0]


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _start_server(config, name, log):
    "Return the trytond process once it answers, or None if it died."
    with open(log, 'ab') as fp:
        process = subprocess.Popen(
            [BIN / 'trytond', '-c', config, '-d', name, '-v'], cwd=REPO,
            env=_environ(config), stdout=fp, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
    listen = configparser.ConfigParser(interpolation=None)
    listen.read(config)
    base_url = 'http://%s/' % listen.get('web', 'listen')
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return None
        try:
            with Client(base_url, None, timeout=5) as client:
                client.call('common.server.version')
            return process
        except (OSError, HTTPError):
            time.sleep(0.1)
    _stop(process)
    _fail('trytond did not answer within %s s' % STARTUP_TIMEOUT, log)


def _stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope='session')
def server_url(_demo_database):
    """The URL of a trytond server on the demo database ('http://127.0.0.1:
    <port>/'); it serves sao there when var/sao/package exists."""
    global _server_log
    name, config, folder = _demo_database
    log = folder / 'server.log'
    web = {'root': SAO_ROOT} if SAO_ROOT.is_dir() else {}
    for _ in range(3):  # another process may take the free port first
        web['listen'] = '127.0.0.1:%s' % _free_port()
        server_config = _write_config(folder / 'server.conf',
            database={'uri': _database_uri(), 'path': folder}, web=web)
        process = _start_server(server_config, name, log)
        if process:
            break
    else:
        _fail('trytond did not start', log)
    _server_log = log
    try:
        yield 'http://%s/' % web['listen']
    finally:
        _server_log = None
        _stop(process)


@pytest.fixture(scope='session')
def rpc(server_url, database_name, DEMO_PASSWORD):
    """Factory: rpc(login, password=None) returns a skp_tools.rpc.Client
    logged in as `login` (DEMO_PASSWORD, or the admin password for
    'admin').  Clients are cached per login for the whole session: do not
    log them out; build a Client yourself for a private session."""
    clients = {}

    def login(login, password=None):
        if password is None:
            password = ADMIN_PASSWORD if login == 'admin' else DEMO_PASSWORD
        key = (login, password)
        if key not in clients:
            client = Client(server_url, database_name)
            client.login(login, password)
            clients[key] = client
        return clients[key]
    yield login
    for client in clients.values():
        client.close()


def report_line(request, line):
    "Print `line` in pytest's output, even when the output is captured."
    capture = request.config.pluginmanager.get_plugin('capturemanager')
    reporter = request.config.pluginmanager.get_plugin('terminalreporter')
    if capture and reporter:
        with capture.global_and_fixture_disabled():
            reporter.ensure_newline()
            reporter.write_line(line)
    else:
        print(line)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    log = _server_log
    item.stash[_LOG_OFFSET] = (log, log.stat().st_size if log else 0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    log, offset = item.stash.get(_LOG_OFFSET, (None, 0))
    log = log or _server_log
    if report.failed and log and log.exists():
        with open(log, 'rb') as fp:
            fp.seek(offset)
            report.sections.append(('trytond server log',
                    fp.read().decode('utf-8', 'replace')))
    return report
