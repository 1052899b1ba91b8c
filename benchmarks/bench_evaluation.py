"""Time the annual evaluation of a unit of about 1,000 employees, with the
check of the organisation's distribution curve.

On a database made by benchmarks/generate.py, in-process through the ORM
(as an RPC call would run: the user's transaction with access checks on),
for the unit whose tree holds the number of employees closest to --people
(default 1,000), each repeat in one transaction that is rolled back:

1. the annual evaluations of their approved SKP are created
   (`skp.evaluation.create_for`, what the wizard calls; a line per IKI
   with its realisation, a result per RHK, a behaviour per core value);
2. the employees' part is written in SQL (not timed): submitted, with the
   ratings chosen so that the predikat distribution fits the curve of the
   OPD's predikat, which is recorded (`skp.org.predikat`);
3. the Pejabat Penilai assess them (`skp.evaluation.assess`: the matrix's
   predikat, the appraiser check) -- timed;
4. they are finalised (`skp.evaluation.finalise`: the appraiser check and
   `skp.org.predikat.check_curve`, the whole unit assessed and its
   distribution within the curve) -- timed; goal: < 3 s for 1,000;
5. HR reads the record's distribution (`population`, `count_*`,
   `fits_curve`, `calibration`) -- timed.

The actions of several appraisers are made by one user, bench_evaluator,
whose employees are all the Pejabat Penilai of the unit's people (the same
checks run; company filter 'all'). The floor of 4+5 is the SQL that finds
the unit's evaluations, counts them per predikat and updates their state.

    PYTHONOPTIMIZE=1 python benchmarks/bench_evaluation.py [--database DB]

--profile prints a cProfile of one create and one finalise.
"""
import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

DEFAULT_URI = 'postgresql://skp:skp@127.0.0.1:5432/'

TREE = """
WITH RECURSIVE tree(id) AS (
    SELECT id FROM skp_unit WHERE id = %(unit)s
    UNION ALL
    SELECT u.id FROM skp_unit AS u JOIN tree ON u.parent = tree.id)
"""
FLOOR = TREE + """,
evaluations AS (
    SELECT v.id, v.predikat FROM skp_evaluation AS v
    JOIN company_employee AS e ON e.id = v.employee
    JOIN skp_skp AS s ON s.id = v.skp
    WHERE e.unit IN (SELECT id FROM tree) AND v.kind = 'annual'
        AND s.period = %(period)s),
updated AS (
    UPDATE skp_evaluation SET state = 'finalised'
    WHERE id IN (SELECT id FROM evaluations) RETURNING id)
SELECT predikat, COUNT(*) FROM evaluations GROUP BY predikat
"""


def pick_unit(connection, people):
    """(unit, employees) of the unit (OPD, bidang, kecamatan...) whose tree
    size is closest to `people`."""
    return connection.execute("""
        WITH RECURSIVE tree(root, id) AS (
            SELECT id, id FROM skp_unit
            UNION ALL
            SELECT tree.root, u.id FROM skp_unit AS u
            JOIN tree ON u.parent = tree.id)
        SELECT tree.root, COUNT(e.id) FROM tree
        JOIN company_employee AS e ON e.unit = tree.id
        GROUP BY tree.root ORDER BY abs(COUNT(e.id) - %s), tree.root
        LIMIT 1""", (people,)).fetchone()


class Bench:
    def __init__(self, database, conf, unit):
        from trytond import config
        config.update_etc(str(conf))
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        self.database = database
        self.unit = unit
        Pool(database).init()
        with Transaction().start(database, 0) as transaction:
            pool = Pool()
            SKP = pool.get('skp.skp')
            Employee = pool.get('company.employee')
            User = pool.get('res.user')
            ModelData = pool.get('ir.model.data')
            skps = SKP.search([
                    ('employee.unit', 'child_of', [unit], 'parent'),
                    ('state', '=', 'approved'),
                    ])
            self.skp_ids = [s.id for s in skps]
            self.period = skps[0].period.id
            employees = [s.employee for s in skps]
            appraiser_of = {i: a.id if a else None for i, (a, _) in
                Employee.get_appraisers(employees).items()}
            # Layers from the leaves up: nobody in a layer appraises
            # anybody left, so one user per layer holds all its appraisers
            # and none of its appraisees.
            remaining = {e.id for e in employees}
            self.layers = []
            while remaining:
                deciding = {appraiser_of[e] for e in remaining}
                layer = {e for e in remaining if e not in deciding}
                self.layers.append(layer)
                remaining -= layer
            group = ModelData.get_id('skp_asn', 'group_skp_employee')
            self.users = []
            for n, layer in enumerate(self.layers):
                appraisers = {appraiser_of[e] for e in layer}
                if None in appraisers:
                    raise SystemExit("employees without appraiser")
                login = 'bench_evaluator_%s' % (n + 1)
                values = {
                    'name': login,
                    'companies': [('add', [skps[0].company.id])],
                    'company': skps[0].company.id,
                    'company_filter': 'all',
                    'employees': [('add', sorted(appraisers))],
                    'employee': min(appraisers),
                    'groups': [('add', [group])],
                    }
                users = User.search([('login', '=', login)])
                if users:
                    User.write(users, {'employee': None, 'employees': [
                                ('remove',
                                    [e.id for e in users[0].employees])]})
                    User.write(users, values)
                    user, = users
                else:
                    user, = User.create([{'login': login, **values}])
                self.users.append(user.id)
            transaction.commit()
        self.contexts = []
        for user in self.users:
            with Transaction().start(database, user):
                self.contexts.append(Pool().get('res.user').get_preferences(
                        context_only=True))
        self.user, self.context = self.users[0], self.contexts[0]

    def as_layers(self, transaction, method, evaluations):
        "Call method on each layer's evaluations as the layer's user."
        from trytond.pool import Pool
        Evaluation = Pool().get('skp.evaluation')
        for layer, user, context in zip(
                self.layers, self.users, self.contexts):
            with transaction.set_user(user), \
                    transaction.set_context(context):
                method(Evaluation.browse(
                        [e.id for e in evaluations
                            if e.employee.id in layer]))

    def repeat(self, profile=None):
        """One evaluation of the unit in a transaction rolled back;
        return ({step: seconds}, counts)."""
        from trytond.pool import Pool
        from trytond.transaction import (
            Transaction, check_access, without_check_access)
        from trytond.modules.skp_asn import scoring
        times = {}
        with Transaction().start(self.database, self.user,
                context=self.context) as transaction:
            pool = Pool()
            Evaluation = pool.get('skp.evaluation')
            SKP = pool.get('skp.skp')
            OrgPredikat = pool.get('skp.org.predikat')
            CurveRule = pool.get('skp.curve.rule')
            Matrix = pool.get('skp.predikat.matrix')
            cursor = transaction.connection.cursor()
            try:
                with check_access():
                    start = time.perf_counter()
                    create = (profile['create'].runcall if profile
                        else lambda f, *a, **k: f(*a, **k))
                    evaluations = create(Evaluation.create_for,
                        SKP.browse(self.skp_ids), kind='annual')
                    times['create'] = time.perf_counter() - start
                # The OPD's predikat and its people's part (not timed)
                org = 'baik'
                with without_check_access():
                    record, = OrgPredikat.create([{
                                'unit': self.unit, 'kind': 'annual',
                                'period': self.period, 'predikat': org,
                                }])
                ratings = fitting_ratings(Matrix, scoring,
                    CurveRule.rules_for(org), len(evaluations))
                table = Evaluation.__table__()
                for (result, behaviour), ids in ratings.items():
                    ids = [evaluations[i].id for i in ids]
                    cursor.execute(*table.update(
                            [table.state, table.rating_result,
                                table.rating_behaviour],
                            ['submitted', result, behaviour],
                            where=table.id.in_(ids)))
                transaction.cache.clear()
                with check_access():
                    evaluations = Evaluation.browse(
                        [e.id for e in evaluations])
                    start = time.perf_counter()
                    self.as_layers(transaction, Evaluation.assess,
                        evaluations)
                    times['assess'] = time.perf_counter() - start
                    evaluations = Evaluation.browse(
                        [e.id for e in evaluations])
                    start = time.perf_counter()
                    if profile:
                        profile['finalise'].runcall(
                            self.as_layers, transaction,
                            Evaluation.finalise, evaluations)
                    else:
                        self.as_layers(transaction, Evaluation.finalise,
                            evaluations)
                    times['finalise'] = time.perf_counter() - start
                    start = time.perf_counter()
                    values, = OrgPredikat.read([record.id], [
                            'population', 'count_sangat_baik',
                            'count_baik', 'count_butuh_perbaikan',
                            'count_kurang', 'count_sangat_kurang',
                            'fits_curve', 'calibration'])
                    times['distribution'] = time.perf_counter() - start
                states = {e.state for e in Evaluation.browse(
                        [e.id for e in evaluations])}
                if states != {'finalised'} or not values['fits_curve']:
                    raise SystemExit("finalise left %s, fits %s"
                        % (states, values['fits_curve']))
                # the floor, on the same rows
                cursor.execute(*table.update([table.state], ['assessed'],
                        where=table.id.in_([e.id for e in evaluations])))
                start = time.perf_counter()
                cursor.execute(FLOOR, {'unit': self.unit,
                        'period': self.period})
                floor_counts = dict(cursor.fetchall())
                times['floor'] = time.perf_counter() - start
                if floor_counts.get(None):
                    raise SystemExit("evaluations without predikat")
                counts = {k: values['count_' + k]
                    for k, _ in scoring.PREDIKATS
                    if values['count_' + k]}
                if counts != floor_counts:
                    raise SystemExit("ORM and SQL disagree: %s / %s"
                        % (counts, floor_counts))
                return times, len(evaluations), counts
            finally:
                transaction.rollback()


def fitting_ratings(Matrix, scoring, rules, total):
    """{(rating_result, rating_behaviour): [indexes]}: a distribution of
    `total` people whose predikats fit `rules`, most of them Baik."""
    pairs = {}
    for result, _ in scoring.RATINGS:
        for behaviour, _ in scoring.RATINGS:
            pairs.setdefault(Matrix.lookup(result, behaviour),
                (result, behaviour))
    best = None
    for high in range(0, total // 2 + 1, max(1, total // 100)):
        for low in range(0, total // 2 + 1, max(1, total // 100)):
            counts = {'sangat_baik': high, 'butuh_perbaikan': low,
                'baik': total - high - low}
            if counts['baik'] < 0:
                continue
            if not scoring.curve_violations(rules, counts):
                best = counts
                break
        if best:
            break
    if not best:
        raise SystemExit("no distribution fits the curve")
    result, index = {}, 0
    for predikat, count in best.items():
        if count:
            result.setdefault(pairs[predikat], []).extend(
                range(index, index + count))
        index += count
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--database', default='skp_bench')
    parser.add_argument('--uri', default=os.environ.get(
            'SKP_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--people', type=int, default=1000)
    parser.add_argument('--unit', type=int, help="skp.unit id")
    parser.add_argument('--profile', action='store_true')
    args = parser.parse_args()
    if not sys.flags.optimize:
        print("warning: run with PYTHONOPTIMIZE=1 as production does",
            file=sys.stderr)
    with psycopg.connect(args.uri + args.database) as connection:
        unit, people = pick_unit(connection, args.people)
        if args.unit:
            unit = args.unit
            people, = connection.execute(TREE + "SELECT COUNT(*) FROM "
                "company_employee WHERE unit IN (SELECT id FROM tree)",
                {'unit': unit}).fetchone()
        name, = connection.execute("SELECT name FROM skp_unit WHERE id = %s",
            (unit,)).fetchone()
        version = connection.execute('SHOW server_version').fetchone()[0]
    with tempfile.TemporaryDirectory() as folder:
        conf = Path(folder) / 'trytond.conf'
        conf.write_text('[database]\nuri = %s\n' % args.uri)
        bench = Bench(args.database, conf, unit)
    print("database %s, PostgreSQL %s, %s cores: %s (%s employees, %s "
        "approved SKP)" % (args.database, version, os.cpu_count(), name,
            people, len(bench.skp_ids)))
    if args.profile:
        profile = {'create': cProfile.Profile(),
            'finalise': cProfile.Profile()}
        bench.repeat(profile)
        for step, stats in profile.items():
            print('\n%s:' % step)
            pstats.Stats(stats).sort_stats('cumulative').print_stats(60)
        if not args.repeat:
            return
    runs = []
    for n in range(args.repeat + 1):
        times, count, counts = bench.repeat()
        if n:
            runs.append(times)
    print("distribution: %s" % counts)
    goals = {'finalise': 3}
    titles = {
        'create': "create %s annual evaluations" % count,
        'assess': "assess %s (appraiser check, matrix)" % count,
        'finalise': "finalise %s (curve check)" % count,
        'distribution': "read the unit's distribution",
        }
    floor = statistics.median(r['floor'] for r in runs)
    print("\n%-44s %9s %9s %7s  %s" % ("benchmark (median of %d)"
            % args.repeat, "ORM s", "floor s", "ratio", "goal"))
    for key, title in titles.items():
        value = statistics.median(r[key] for r in runs)
        goal = goals.get(key)
        print("%-44s %9.3f %9s %7s  %s" % (title, value,
                '%.3f' % floor if key == 'finalise' else '',
                '%.1fx' % (value / floor) if key == 'finalise' else '',
                '< %s s: %s' % (goal, 'yes' if value < goal else 'NO')
                if goal else ''))
    print("\nall runs (s):")
    for key in list(titles) + ['floor']:
        print("  %-12s %s" % (key, ' '.join('%.3f' % r[key] for r in runs)))


if __name__ == '__main__':
    main()
