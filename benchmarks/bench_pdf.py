"""Render N SKP PDFs through the ORM and print the throughput.

    PYTHONOPTIMIZE=1 python benchmarks/bench_pdf.py -c <conf> -d <db> \\
        [-n 1000] [-p 2] [--user pegawai] [--commit]

Each PDF is one `skp.skp.report` execution, as the web client asks for it
(template rendering, weasyprint, QR code, the registration of its
verification code in skp.document), in its own transaction like one RPC
call; the SKPs of the database are taken in turn. `-p` worker processes
share the work (one per core is the sensible maximum). The registrations
are rolled back unless --commit is given, so the database is left as it
was. Prints PDFs/s and the total time; the goal is 1,000 PDFs in less than
5 minutes on 2 cores.

For the demo database built by `SKP_DEMO_NO_SERVE=1 bash scripts/demo.sh`:

    TRYTOND_DATABASE__PATH=var/demo PYTHONOPTIMIZE=1 \\
        .venv/bin/python benchmarks/bench_pdf.py -c config/demo.conf -d skp
"""
import argparse
import multiprocessing
import os
import sys
import time


def _init(config, database):
    from trytond import config as tryton_config
    tryton_config.update_etc(config)
    from trytond.pool import Pool
    Pool.start()
    pool = Pool(database)
    pool.init()
    return pool


def _skp_ids(config, database):
    from trytond.transaction import Transaction
    pool = _init(config, database)
    with Transaction().start(database, 0, readonly=True):
        SKP = pool.get('skp.skp')
        return [s.id for s in SKP.search([], order=[('id', 'ASC')])]


def _user_id(pool, database, login):
    from trytond.transaction import Transaction
    if not login:
        return 0
    with Transaction().start(database, 0, readonly=True):
        User = pool.get('res.user')
        user, = User.search([('login', '=', login)])
        return user.id


def _worker(args):
    config, database, ids, login, commit = args
    from trytond.transaction import Transaction
    pool = _init(config, database)
    user = _user_id(pool, database, login)
    sizes = 0
    start = time.perf_counter()
    for id_ in ids:
        with Transaction().start(database, user,
                context={'language': 'id', 'company': 1,
                    '_check_access': bool(user)}) as transaction:
            if user:
                User = pool.get('res.user')
                transaction.set_context(
                    User.get_preferences(context_only=True))
            Report = pool.get('skp.skp.report', type='report')
            fmt, content, _, _ = Report.execute([id_], {})
            assert fmt == 'pdf' and content[:5] == b'%PDF-'
            sizes += len(content)
            if commit:
                transaction.commit()
            else:
                transaction.rollback()
    return len(ids), sizes, time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('-n', '--count', type=int, default=1000)
    parser.add_argument('-p', '--processes', type=int,
        default=min(2, os.cpu_count() or 1))
    parser.add_argument('--user', help="login to render as (record rules "
        "apply; its SKPs only are readable); root by default")
    parser.add_argument('--commit', action='store_true',
        help="keep the issued documents")
    args = parser.parse_args(argv)
    if not sys.flags.optimize:
        print('warning: run with PYTHONOPTIMIZE=1 (trytond asserts are slow)',
            file=sys.stderr)

    ids = _skp_ids(args.config, args.database)
    if not ids:
        parser.error('no SKP in the database')
    wanted = [ids[i % len(ids)] for i in range(args.count)]
    chunks = [wanted[i::args.processes] for i in range(args.processes)]
    jobs = [(args.config, args.database, chunk, args.user, args.commit)
        for chunk in chunks if chunk]
    start = time.perf_counter()
    if len(jobs) == 1:
        results = [_worker(jobs[0])]
    else:
        with multiprocessing.get_context('spawn').Pool(len(jobs)) as workers:
            results = workers.map(_worker, jobs)
    total = time.perf_counter() - start
    count = sum(r[0] for r in results)
    size = sum(r[1] for r in results)
    render = max(r[2] for r in results)
    print('%d SKP PDFs (%d distinct SKPs, %d process(es)) in %.1f s: '
        '%.1f PDFs/s; rendering %.1f s, %.0f KiB per PDF' % (
            count, len(set(wanted)), len(jobs), total, count / total,
            render, size / count / 1024))
    print('1,000 PDFs would take %.0f s (goal: < 300 s)' % (
            1000 * total / count))


if __name__ == '__main__':
    main()
