#!/usr/bin/env bash
# Install what SKP-ASN needs to run and to be tested; safe to run again.
#
#   bash scripts/setup.sh [--with-browser]
#
# - Debian libraries that the Python packages load (libpq for psycopg,
#   Pango for WeasyPrint), with apt-get, when missing;
# - .venv (python3 -m venv) with requirements.txt (the project in editable
#   mode), reinstalled only when requirements.txt or pyproject.toml change;
# - the sao web client (npm package tryton-sao, newest 8.0.x) in
#   var/sao/package with its dependencies;
# - with --with-browser: Debian's chromium and chromium-driver, and the
#   Python package playwright (it drives /usr/bin/chromium; no browser
#   download).
# Environment: PYTHON (default python3), SKP_SAO_VERSION (default 8.0).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

with_browser=0
for arg in "$@"; do
    case "$arg" in
        --with-browser) with_browser=1 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

log() { echo "[setup] $*"; }

apt_updated=0
# Install the Debian packages given that are not installed yet.
apt_install() {
    local missing=() pkg sudo=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null \
            | grep -q 'ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        log "please install: ${missing[*]}"; return 1
    fi
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    log "apt-get install ${missing[*]}"
    if [ $apt_updated -eq 0 ]; then
        "${sudo[@]}" apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v dpkg-query >/dev/null; then
    apt_install libpq5 libpango-1.0-0 libpangoft2-1.0-0
fi

# Python environment
if [ ! -x .venv/bin/python ]; then
    log "creating .venv"
    "${PYTHON:-python3}" -m venv .venv
fi
mkdir -p var
stamp="var/setup-pip.sha256"
wanted="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] \
        || ! .venv/bin/python -c 'import trytond.modules.skp_asn, skp_tools' \
            2>/dev/null; then
    log "pip install -r requirements.txt (log: var/setup-pip.log)"
    if ! .venv/bin/python -m pip install --disable-pip-version-check \
            -r requirements.txt > var/setup-pip.log 2>&1; then
        tail -n 30 var/setup-pip.log
        exit 1
    fi
    echo "$wanted" > "$stamp"
else
    log "Python packages up to date"
fi

# sao web client: npm package with its dependencies installed inside it,
# because its index.html loads node_modules/ by relative path.
sao="var/sao/package"
if [ -f "$sao/dist/tryton-sao.js" ] && [ -d "$sao/node_modules" ]; then
    log "sao $(sed -n 's/^ *"version": "\(.*\)",/\1/p' "$sao/package.json") present"
else
    command -v npm >/dev/null || { log "npm (Node.js) is required"; exit 1; }
    mkdir -p var/sao
    rm -rf var/sao/tmp.*
    tmp="$(mktemp -d "$ROOT/var/sao/tmp.XXXXXX")"
    log "npm pack tryton-sao@${SKP_SAO_VERSION:-8.0}"
    (
        cd "$tmp"
        tarball="$(npm pack --silent "tryton-sao@${SKP_SAO_VERSION:-8.0}" \
            | tail -n 1)"
        tar xzf "$tarball"
        cd package
        npm install --omit=dev --legacy-peer-deps --no-audit --no-fund \
            --loglevel=error >/dev/null
    )
    rm -rf "$sao"
    mv "$tmp/package" "$sao"
    rm -rf "$tmp"
    log "sao installed in $sao"
fi

if [ $with_browser -eq 1 ]; then
    apt_install chromium chromium-driver
    if ! .venv/bin/python -c 'import playwright' 2>/dev/null; then
        log "pip install playwright"
        .venv/bin/python -m pip install -q --disable-pip-version-check \
            playwright
    fi
fi
