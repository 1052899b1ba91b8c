#!/usr/bin/env bash
# Install what the tests need, then run them all with pytest: the modules'
# tests (Tryton's ModuleTestCase and the proteus scenarios) and the
# end-to-end tests in tests/ (a real server on the demo data, driven through
# JSON-RPC and in sao with Chromium).
#
#   bash scripts/test.sh [pytest arguments]
#
# SQLite by default. PostgreSQL when TRYTOND_DATABASE_URI is set to
# postgresql://user:password@host:port/ (the role needs CREATEDB): the
# databases of the run get unique names and are dropped at the end.
# Arguments go to pytest as they are (-k NAME, -x, a test file...); the
# default paths and options are in pyproject.toml [tool.pytest.ini_options].
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh --with-browser

export TRYTOND_DATABASE_URI="${TRYTOND_DATABASE_URI:-sqlite://}"
# The module tests' database: in memory for SQLite, else a name of this run.
# On SQLite a fresh cache of activated module sets serves the run: scenarios
# that activate the same modules restore a copy instead of activating
# again. Not on PostgreSQL: pytest skips the scenarios' teardown, so the
# database is still there and restoring into it fails (DuplicateDatabase).
unset DB_CACHE
case "$TRYTOND_DATABASE_URI" in
    postgresql*) export DB_NAME="test_skp_$$" ;;
    *)
        export DB_NAME=':memory:'
        DB_CACHE="$(mktemp -d)"
        export DB_CACHE
        ;;
esac

cleanup() {
    [ -z "${DB_CACHE:-}" ] || rm -rf "$DB_CACHE"
    case "$TRYTOND_DATABASE_URI" in
        postgresql*) .venv/bin/python - "$DB_NAME" <<'EOF'
import os
import sys
import urllib.parse

import psycopg

url = urllib.parse.urlsplit(os.environ['TRYTOND_DATABASE_URI'])
with psycopg.connect(url._replace(path='/postgres').geturl(),
        autocommit=True) as connection:
    connection.execute(
        'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
EOF
        ;;
    esac
}
trap cleanup EXIT

echo "[test] pytest on ${TRYTOND_DATABASE_URI%%:*}"
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ $status -eq 5 ]; then
    echo "[test] no tests were collected" >&2
fi
exit $status
