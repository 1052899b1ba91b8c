"""Time the monthly activity summary against the plain SQL GROUP BY.

On a database made by benchmarks/generate.py, measures in the same run:

1. the month of every employee as the product computes it: the ORM's
   `skp.activity.month.search_read` with the columns of its list view
   (as the client asks for them, with the employee's name), as user admin
   with access checks on, as through RPC;
2. the first page of one employee's days (`skp.activity.day`, search then
   read by id, as sao's list loads it);
3. the unit recap of the skp_reports PDF and XLSX
   (`trytond.modules.skp_reports.report.unit_recap`) for one or more OPD;

and for each its floor: a hand-written SQL GROUP BY over the same rows run
with psycopg, fetching the same figures. The results of both sides are
compared before any timing is reported. Each measure is repeated (--repeat,
one warm-up run first, a new transaction each time) and the median is
reported with the ratio ORM / SQL (goal: at most 2).

    PYTHONOPTIMIZE=1 python benchmarks/bench_summary.py [--database skp_bench]

--profile prints a cProfile of the ORM side, --explain the plans of the
queries the ORM sends (EXPLAIN ANALYZE).

--materialized measures production's configuration (config/production.conf
[table_query_materialized]): the months are read from a materialized view,
which `trytond-admin -u skp_asn` creates first; the refresh of the view
(REFRESH MATERIALIZED VIEW CONCURRENTLY, what the scheduled action and
"Refresh Data" run) is timed against the same floor.
"""
import argparse
import calendar
import cProfile
import datetime as dt
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

DEFAULT_URI = 'postgresql://skp:skp@127.0.0.1:5432/'
# The columns of the list view (activity_month_list.xml)
FIELDS = ['employee', 'year', 'month', 'activities', 'verified_minutes',
    'days_at_minimum', 'days_under_minimum', 'verified', 'verified_on_time',
    'on_time_share']
FIGURES = ['activities', 'verified_minutes', 'days_at_minimum', 'verified',
    'verified_on_time']

# The month per employee, as the product defines it (DOMAIN §5, §8): per
# day the verified minutes, then per employee the days reaching the daily
# minimum and the activities verified (on time).
SQL_MONTH = """
SELECT d.employee, SUM(d.activities), SUM(d.verified_minutes),
    SUM(CASE WHEN d.verified_minutes >= %(minimum)s THEN 1 ELSE 0 END),
    SUM(d.verified), SUM(d.verified_on_time)
FROM (
    SELECT employee, date, COUNT(*) AS activities,
        SUM(CASE WHEN state = 'verified' THEN minutes ELSE 0 END)
            AS verified_minutes,
        SUM(CASE WHEN state = 'verified' THEN 1 ELSE 0 END) AS verified,
        SUM(CASE WHEN state = 'verified' AND verified_on_time
            THEN 1 ELSE 0 END) AS verified_on_time
    FROM skp_activity
    WHERE date >= %(start)s AND date <= %(end)s
    GROUP BY employee, date) AS d
GROUP BY d.employee
"""
DAY_FIELDS = ['employee', 'date', 'activities', 'minutes',
    'verified_minutes', 'under_minimum']
SQL_DAYS = """
SELECT date, COUNT(*), SUM(minutes),
    SUM(CASE WHEN state = 'verified' THEN minutes ELSE 0 END)
FROM skp_activity WHERE employee = %(employee)s
GROUP BY date ORDER BY date DESC LIMIT 20
"""
# With the employee's name as the client shows it ("Name (NIP)").
SQL_MONTH_NAMES = """
SELECT m.*, p.name || ' (' || e.nip || ')'
FROM (""" + SQL_MONTH + """) AS m
JOIN company_employee AS e ON e.id = m.employee
JOIN party_party AS p ON p.id = e.party
"""
# The same for the employees of a unit tree, with their names, in the
# recap's order.
SQL_RECAP = """
WITH RECURSIVE tree(id) AS (
    SELECT id FROM skp_unit WHERE id = %(unit)s
    UNION ALL
    SELECT u.id FROM skp_unit AS u JOIN tree ON u.parent = tree.id),
people AS (
    SELECT e.id, u.code, p.name
    FROM company_employee AS e
    JOIN skp_unit AS u ON u.id = e.unit
    JOIN party_party AS p ON p.id = e.party
    WHERE e.unit IN (SELECT id FROM tree)),
month AS (""" + SQL_MONTH.replace(
    "WHERE date", "WHERE employee IN (SELECT id FROM people) AND date") + """)
SELECT people.id, month.*
FROM people LEFT JOIN month ON month.employee = people.id
ORDER BY people.code, people.name, people.id
"""


def median_time(function, repeat):
    "Run once to warm up, then `repeat` times; return (median, result)."
    result = function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


class ORM:
    "The product's side, in trytond transactions as user admin."

    def __init__(self, database, conf):
        from trytond import config
        config.update_etc(str(conf))
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        self.database = database
        Pool(database).init()
        with Transaction().start(database, 0):
            pool = Pool()
            User = pool.get('res.user')
            self.user, = User.search([('login', '=', 'admin')])
            self.user = self.user.id
            Configuration = pool.get('skp.configuration')
            self.minimum = Configuration(1).daily_minimum
        with Transaction().start(database, self.user):
            self.context = Pool().get('res.user').get_preferences(
                context_only=True)

    def run(self, function, *args):
        "Call function(*args) as an RPC call of admin would."
        from trytond.transaction import Transaction, check_access
        with Transaction().start(self.database, self.user, readonly=True,
                context=self.context), check_access():
            return function(*args)

    def months(self, year, month, names=False):
        "The list view's rows; with names as the client asks for them."
        from trytond.pool import Pool
        Month = Pool().get('skp.activity.month')
        return Month.search_read([
                ('year', '=', year), ('month', '=', month),
                ], fields_names=FIELDS + (['employee.rec_name'] if names
                else []))

    def refresh(self):
        "Refresh the materialized months, committed as the cron job does."
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        with Transaction().start(self.database, 0):
            Pool().get('skp.activity.month').refresh()

    def days(self, employee):
        """The first page of an employee's days as sao loads it: a search,
        then a read of the rows by id."""
        from trytond.pool import Pool
        Day = Pool().get('skp.activity.day')
        days = Day.search([('employee', '=', employee)], limit=20)
        return Day.read([d.id for d in days], DAY_FIELDS)

    def recap(self, unit_id, year, month):
        from trytond.modules.skp_reports.report import unit_recap
        from trytond.pool import Pool
        Unit = Pool().get('skp.unit')
        recap = unit_recap(Unit(unit_id), year, month)
        return [(r['employee'].id, r['verified_minutes'])
            for r in recap['rows']]


def sql_months(connection, minimum, start, end, names=False):
    return connection.execute(SQL_MONTH_NAMES if names else SQL_MONTH, {
            'minimum': minimum, 'start': start, 'end': end}).fetchall()


def sql_recap(connection, minimum, unit, start, end):
    return connection.execute(SQL_RECAP, {
            'minimum': minimum, 'unit': unit, 'start': start,
            'end': end}).fetchall()


def check_months(orm_rows, sql_rows):
    orm = {r['employee']: tuple(r[f] for f in FIGURES)
        + ((r['employee.']['rec_name'],) if 'employee.' in r else ())
        for r in orm_rows}
    floor = {r[0]: tuple(int(v) for v in r[1:6]) + tuple(r[6:])
        for r in sql_rows}
    if orm != floor:
        different = [k for k in orm.keys() | floor.keys()
            if orm.get(k) != floor.get(k)]
        raise SystemExit("ORM and SQL disagree for %s employees, e.g. %s: "
            "%s / %s" % (len(different), different[0],
                orm.get(different[0]), floor.get(different[0])))


def check_recap(orm_rows, sql_rows):
    "The same employees with the same minutes (ties may sort apart)."
    floor = [(r[0], int(r[3] or 0)) for r in sql_rows]
    if sorted(orm_rows) != sorted(floor):
        raise SystemExit("ORM and SQL recaps disagree (%s / %s rows)"
            % (len(orm_rows), len(floor)))


def busiest_month(connection):
    return connection.execute("SELECT date_trunc('month', date)::date "
        "FROM skp_activity GROUP BY 1 ORDER BY COUNT(*) DESC "
        "LIMIT 1").fetchone()[0]


def default_units(connection):
    """The largest OPD and the OPD of median size, by people in their
    tree."""
    rows = connection.execute("""
        WITH RECURSIVE tree(root, id) AS (
            SELECT id, id FROM skp_unit WHERE kind = 'opd'
            UNION ALL
            SELECT tree.root, u.id FROM skp_unit AS u
            JOIN tree ON u.parent = tree.id)
        SELECT tree.root, COUNT(e.id) FROM tree
        JOIN company_employee AS e ON e.unit = tree.id
        GROUP BY tree.root ORDER BY COUNT(e.id) DESC, tree.root""").fetchall()
    return [rows[0][0], rows[len(rows) // 2][0]]


def unit_label(connection, unit):
    return connection.execute("""
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM skp_unit WHERE id = %(unit)s
            UNION ALL
            SELECT u.id FROM skp_unit AS u JOIN tree ON u.parent = tree.id)
        SELECT (SELECT name FROM skp_unit WHERE id = %(unit)s), COUNT(*)
        FROM company_employee WHERE unit IN (SELECT id FROM tree)""",
        {'unit': unit}).fetchone()


def explain(orm, year, month, uri, database):
    "EXPLAIN ANALYZE the queries on activities the ORM's summary sends."
    queries = []
    execute = psycopg.Cursor.execute

    def recording(self, query, params=None, **kwargs):
        if 'skp_activity' in str(query):
            queries.append((query, params))
        return execute(self, query, params, **kwargs)
    psycopg.Cursor.execute = recording
    try:
        orm.run(orm.months, year, month)
    finally:
        psycopg.Cursor.execute = execute
    with psycopg.connect(uri + database) as connection:
        for query, params in queries:
            print('-' * 72)
            print(query)
            print('params:', str(params)[:300])
            for line, in connection.execute(
                    'EXPLAIN (ANALYZE, BUFFERS) ' + query, params):
                print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--database', default='skp_bench')
    parser.add_argument('--uri', default=os.environ.get(
            'SKP_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--month', help="YYYY-MM (default: the month with "
        "the most activities)")
    parser.add_argument('--unit', type=int, action='append',
        help="skp.unit id of a recap (default: the largest OPD and one of "
        "median size)")
    parser.add_argument('--profile', action='store_true',
        help="print a cProfile of one ORM monthly summary")
    parser.add_argument('--explain', action='store_true',
        help="EXPLAIN ANALYZE the ORM's queries of the monthly summary")
    parser.add_argument('--materialized', action='store_true',
        help="read the months from the materialized view, as production")
    args = parser.parse_args()
    if not sys.flags.optimize:
        print("warning: run with PYTHONOPTIMIZE=1 as production does",
            file=sys.stderr)
    connection = psycopg.connect(args.uri + args.database)
    first = (dt.date.fromisoformat(args.month + '-01') if args.month
        else busiest_month(connection))
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    units = args.unit or default_units(connection)
    folder = Path('/tmp') / ('skp-bench-%s' % os.getpid())
    folder.mkdir()
    conf = folder / 'trytond.conf'
    conf.write_text('[database]\nuri = %s\n' % args.uri
        + ('[table_query_materialized]\nskp.activity.month = 600\n'
            if args.materialized else ''))
    try:
        if args.materialized:
            start = time.perf_counter()
            subprocess.run([Path(sys.executable).parent / 'trytond-admin',
                    '-c', conf, '-d', args.database, '-u', 'skp_asn'],
                check=True)
            print("materialized view created by trytond-admin -u skp_asn "
                "in %.1f s" % (time.perf_counter() - start))
        orm = ORM(args.database, conf)
    finally:
        conf.unlink()
        folder.rmdir()
    activities, = connection.execute("SELECT COUNT(*) FROM skp_activity "
        "WHERE date >= %s AND date <= %s", (first, last)).fetchone()
    version = connection.execute('SHOW server_version').fetchone()[0]
    print("database %s, PostgreSQL %s, %s cores, month %s: %s activities"
        % (args.database, version, os.cpu_count(), first.strftime('%Y-%m'),
            format(activities, ',')))

    if args.explain:
        explain(orm, first.year, first.month, args.uri, args.database)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(orm.run, orm.months, first.year, first.month)
        pstats.Stats(profile).sort_stats('cumulative').print_stats(35)

    lines = []
    if args.materialized:
        orm_time, orm_times, _ = median_time(orm.refresh, args.repeat)
        sql_time, sql_times, _ = median_time(
            lambda: sql_months(connection, orm.minimum, first, last),
            args.repeat)
        lines.append(("refresh of the materialized months", 0, orm_time,
                sql_time, orm_times, sql_times))
    for names, title in [(False, "monthly summary, all employees"),
            (True, "  the same with the employees' names")]:
        orm_time, orm_times, orm_rows = median_time(
            lambda: orm.run(orm.months, first.year, first.month, names),
            args.repeat)
        sql_time, sql_times, sql_rows = median_time(
            lambda: sql_months(connection, orm.minimum, first, last, names),
            args.repeat)
        check_months(orm_rows, sql_rows)
        lines.append((title, len(orm_rows), orm_time, sql_time, orm_times,
                sql_times))
    employee, = connection.execute("SELECT employee FROM skp_activity "
        "GROUP BY employee ORDER BY COUNT(*) DESC, employee LIMIT 1"
        ).fetchone()
    orm_time, orm_times, orm_rows = median_time(
        lambda: orm.run(orm.days, employee), args.repeat)
    sql_time, sql_times, sql_rows = median_time(
        lambda: connection.execute(SQL_DAYS, {'employee': employee}
            ).fetchall(), args.repeat)
    if sorted((r['date'], r['activities']) for r in orm_rows) != sorted(
            (r[0], r[1]) for r in sql_rows):
        raise SystemExit("ORM and SQL days disagree")
    lines.append(("one employee's days, first page of 20", len(orm_rows),
            orm_time, sql_time, orm_times, sql_times))
    for unit in units:
        name, people = unit_label(connection, unit)
        orm_time, orm_times, orm_rows = median_time(
            lambda: orm.run(orm.recap, unit, first.year, first.month),
            args.repeat)
        sql_time, sql_times, sql_rows = median_time(
            lambda: sql_recap(connection, orm.minimum, unit, first, last),
            args.repeat)
        check_recap(orm_rows, sql_rows)
        lines.append(("unit recap, %s" % name, people, orm_time, sql_time,
                orm_times, sql_times))

    print("\n%-52s %7s %9s %9s %7s" % (
            "benchmark (median of %d)" % args.repeat, "rows", "ORM s",
            "SQL s", "ratio"))
    for title, rows, orm_time, sql_time, orm_times, sql_times in lines:
        print("%-52s %7s %9.3f %9.3f %6.1fx" % (title[:52],
                format(rows, ','), orm_time, sql_time, orm_time / sql_time))
    print("\nall runs (s):")
    for title, _, _, _, orm_times, sql_times in lines:
        print("  %s\n    ORM %s\n    SQL %s" % (title,
                ' '.join('%.3f' % t for t in orm_times),
                ' '.join('%.3f' % t for t in sql_times)))


if __name__ == '__main__':
    main()
