#!/bin/bash
# Regenerate every benchmark figure of docs/performance.md.
#
#   bash benchmarks/run.sh                 # city scale: skp_bench, 25,000 employees
#   SCALE=0.02 DB=skp_bench_small bash benchmarks/run.sh   # 500 employees, minutes
#
# Needs the PostgreSQL role of SKP_BENCH_URI (default
# postgresql://skp:skp@127.0.0.1:5432/, CREATEDB). Output goes to the
# terminal and to var/bench/<database>-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${DB:-skp_bench}
SCALE=${SCALE:-1}
REPEAT=${REPEAT:-5}
export PYTHONOPTIMIZE=1
mkdir -p var/bench
LOG=var/bench/$DB-$(date -u +%Y%m%dT%H%M%SZ).log
{
    echo "# $(date -u) $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"
    set -x
    $PY benchmarks/generate.py --database "$DB" --scale "$SCALE" ${DROP:+--drop}
    $PY benchmarks/bench_summary.py --database "$DB" --repeat "$REPEAT"
    $PY benchmarks/bench_rpc.py --database "$DB" --repeat "$REPEAT"
    $PY benchmarks/bench_evaluation.py --database "$DB" --repeat "$REPEAT"
} 2>&1 | tee "$LOG"
