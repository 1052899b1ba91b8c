"""Time (and profile) one activity entry in process, against its floors.

The JSON-RPC path of bench_rpc.py without the HTTP server and the network:
each call goes through trytond.application.app (session check, dispatch,
JSON in and out, the transaction and its commit) with werkzeug's test
client, as the benchmark user bench_e001 (made by bench_rpc.py, which must
have run once on the database). Measures, interleaved, `--calls` calls of:

- entry: `model.skp.activity.create` of one activity (bench_rpc.py's);
- floor: `model.skp.floor.record.create` of one row of the trivial model of
  benchmarks/skp_floor (issue 7's floor: a bare trytond create);
- skip: `model.res.user.warning.skip` (a stricter floor: one INSERT, no
  access check, no validation).

With --profile, prints the cProfile of the entries. Used to time each fix
of docs/performance.md before and after; the figures of record are
bench_rpc.py's.

    PYTHONOPTIMIZE=1 python benchmarks/profile_entry.py [--database skp_bench]
"""
import argparse
import cProfile
import datetime as dt
import gzip
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / 'benchmarks'))
from bench_rpc import (  # noqa: E402
    DEFAULT_URI, MARK, PASSWORD, Slots, ensure_floor_module, enter,
    floor_call, pick_employees, skip_call)
from skp_tools.rpc import Client  # noqa: E402


class InProcessClient(Client):
    "skp_tools.rpc.Client posting to the WSGI application in this process."

    def __init__(self, application, database):
        from werkzeug.test import Client as TestClient
        super().__init__('http://localhost', database)
        self._test = TestClient(application)

    def _post(self, body, headers):
        response = self._test.post(self._path, data=body, headers=headers)
        data = response.get_data()
        if response.headers.get('Content-Encoding') == 'gzip':
            data = gzip.decompress(data)
        return response.status_code, response.status, data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--database', default='skp_bench')
    parser.add_argument('--uri', default=os.environ.get(
            'SKP_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--calls', type=int, default=300)
    parser.add_argument('--profile', action='store_true')
    parser.add_argument('--profile-file',
        help="also save the entries' profile there (pstats format)")
    args = parser.parse_args()
    today = dt.date.today()
    with psycopg.connect(args.uri + args.database) as connection:
        (employee, iki), = pick_employees(connection, 1, today)
        connection.execute("DELETE FROM skp_activity WHERE name LIKE %s",
            (MARK + '%',))
    ensure_floor_module(args.database, args.uri)
    with tempfile.NamedTemporaryFile('w', suffix='.conf') as conf:
        conf.write('[database]\nuri = %s\n[session]\nmax_attempt = 1000\n'
            % args.uri)
        conf.flush()
        os.environ['TRYTOND_CONFIG'] = conf.name
        os.environ['TRYTOND_DATABASE_NAMES'] = args.database
        from trytond.application import app
        client = InProcessClient(app, args.database)
        client.login('bench_e001', PASSWORD)
        client.context = client.call(
            'model.res.user.get_preferences', True, {})
        slots = Slots(today)
        calls = {
            'entry': lambda: enter(client, employee, iki, slots),
            'floor': lambda: floor_call(client),
            'skip': lambda: skip_call(client),
            }
        for call in calls.values():
            call()  # caches
        times = {name: [] for name in calls}
        profile = cProfile.Profile() if args.profile else None
        for _ in range(args.calls):
            for name, call in calls.items():
                start = time.perf_counter()
                if profile and name == 'entry':
                    profile.runcall(call)
                else:
                    call()
                times[name].append(time.perf_counter() - start)
    with psycopg.connect(args.uri + args.database) as connection:
        connection.execute("DELETE FROM skp_activity WHERE name LIKE %s",
            (MARK + '%',))
    for name, values in times.items():
        print("%-6s median %.2f ms, mean %.2f ms (%d calls)" % (name,
                1000 * statistics.median(values),
                1000 * statistics.mean(values), len(values)))
    entry = statistics.median(times['entry'])
    print("entry / floor: %.0f%% of the floor's throughput "
        "(%.0f%% of skip's)" % (
            100 * statistics.median(times['floor']) / entry,
            100 * statistics.median(times['skip']) / entry))
    if profile:
        if args.profile_file:
            profile.dump_stats(args.profile_file)
        stats = pstats.Stats(profile)
        stats.sort_stats('cumulative').print_stats(45)
        stats.sort_stats('tottime').print_stats(25)


if __name__ == '__main__':
    main()
