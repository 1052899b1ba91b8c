#!/usr/bin/env bash
# Install SKP-ASN, build the Makassar demo database and serve it with the
# sao web client on http://127.0.0.1:8000/ (Ctrl-C stops the server).
#
#   bash scripts/demo.sh
#
# The first run creates var/demo/skp.sqlite: all modules with Indonesian
# (trytond-admin), then the demo data (python -m skp_tools.demo). A rerun
# reuses it; when the code of the modules changed it updates them first.
# Environment:
#   SKP_DEMO_PORT=8000     port of the server
#   SKP_DEMO_NO_SERVE=1    set everything up, print the logins and exit
#   SKP_DEMO_RESET=1       throw the demo database away and build it anew
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "[demo] $*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

start=$(now)
bash scripts/setup.sh
log "setup: $(since "$start")"

DB=skp
VAR="$ROOT/var/demo"
CONF="$ROOT/config/demo.conf"
PORT="${SKP_DEMO_PORT:-8000}"
BIN="$ROOT/.venv/bin"
# Paths and port for trytond (see config/demo.conf); no other config file.
unset TRYTOND_CONFIG
export TRYTOND_DATABASE__PATH="$VAR"
export TRYTOND_WEB__ROOT="$ROOT/var/sao/package"
export TRYTOND_WEB__LISTEN="127.0.0.1:$PORT"
export TRYTOND_SKP__PUBLIC_URL="http://127.0.0.1:$PORT"  # the PDFs' QR codes
# Asserts make big creates quadratic in trytond: run without them.
export PYTHONOPTIMIZE=1

# What the demo database was built from: a change updates the modules.
modules_hash() {
    {
        "$BIN/python" -c 'import trytond; print(trytond.__version__)'
        find addons -type f -not -path '*/__pycache__/*' \
            -not -path '*/tests/*' -print0 | sort -z | xargs -0 sha256sum
    } | sha256sum | cut -d' ' -f1
}

passfile="$(mktemp)"
trap 'rm -f "$passfile"' EXIT
"$BIN/python" -c 'from skp_tools.demo import DEMO_PASSWORD as p; print(p)' \
    > "$passfile"
export TRYTONPASSFILE="$passfile"   # password of admin for trytond-admin

if [ "${SKP_DEMO_RESET:-0}" = 1 ]; then
    log "removing the demo database"
    rm -rf "$VAR"
fi
mkdir -p "$VAR"
stamp="$VAR/modules.sha256"
if [ ! -f "$VAR/$DB.sqlite" ]; then
    # Built aside and moved in place when complete: an interrupted build
    # leaves no half database behind.
    build="$VAR/build"
    rm -rf "$build"
    mkdir -p "$build"
    touch "$build/$DB.sqlite"
    step=$(now)
    TRYTOND_DATABASE__PATH="$build" "$BIN/trytond-admin" -c "$CONF" -d "$DB" \
        --all -u skp_asn skp_reports --activate-dependencies -l id \
        --email admin@example.com
    log "database created: $(since "$step")"
    step=$(now)
    TRYTOND_DATABASE__PATH="$build" "$BIN/python" -m skp_tools.demo \
        -c "$CONF" -d "$DB" | sed -n 1p
    log "demo data loaded: $(since "$step")"
    mv "$build/$DB.sqlite" "$VAR/$DB.sqlite"
    if [ -d "$build/$DB" ]; then mv "$build/$DB" "$VAR/$DB"; fi
    rm -rf "$build"
    modules_hash > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$(modules_hash)" ]; then
    step=$(now)
    "$BIN/trytond-admin" -c "$CONF" -d "$DB" \
        -u skp_asn skp_reports --activate-dependencies -l id
    "$BIN/python" -m skp_tools.demo -c "$CONF" -d "$DB" | sed -n 1p
    modules_hash > "$stamp"
    log "modules updated: $(since "$step")"
else
    log "demo database up to date"
fi
log "total: $(since "$start")"

cat <<EOF

SKP-ASN demo: http://127.0.0.1:$PORT/   (database "$DB", Indonesian)

EOF
"$BIN/python" -m skp_tools.demo --list
echo "Tryton administrator: admin, same password."
echo

if [ "${SKP_DEMO_NO_SERVE:-0}" = 1 ]; then
    exit 0
fi
rm -f "$passfile"
echo "Serving; Ctrl-C stops the server."
exec "$BIN/trytond" -c "$CONF" -d "$DB"
