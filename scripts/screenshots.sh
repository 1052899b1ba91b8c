#!/usr/bin/env bash
# Make the screenshots of the user guides (docs/panduan/img/*.png) anew from
# the demo data: the browser tests (tests/test_browser*.py) drive sao in
# headless Chromium on a fresh demo database and save a 1280x800 PNG at each
# key step of their journeys.
#
#   bash scripts/screenshots.sh [pytest arguments]
#
# SQLite by default; TRYTOND_DATABASE_URI as for scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --with-browser

export TRYTOND_DATABASE_URI="${TRYTOND_DATABASE_URI:-sqlite://}"
case "$TRYTOND_DATABASE_URI" in
    postgresql*) export DB_NAME="test_screenshots_$$" ;;
    *) export DB_NAME=':memory:' ;;
esac
export SKP_SCREENSHOTS="$ROOT/docs/panduan/img"
mkdir -p "$SKP_SCREENSHOTS"

echo "[screenshots] tests/test_browser*.py -> docs/panduan/img"
.venv/bin/python -m pytest -q tests/test_browser.py tests/test_browser_cycle.py "$@"
ls -1 "$SKP_SCREENSHOTS"
