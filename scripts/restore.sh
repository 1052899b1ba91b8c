#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a NEW database (never over the
# running one: restore beside it, check, then switch the application's
# database name, or rename the databases while the application is stopped).
#
#   scripts/restore.sh -d NEW_DATABASE [-f FILESTORE] [-j JOBS] DUMP
#
#   -d  the database to create (required; it must not exist)
#   -f  trytond's [database] path: the files of the backup
#       (DUMP without .dump + .files.tar.gz) go to FILESTORE/NEW_DATABASE
#   -j  parallel restore jobs (default 2)
#
# Connection as for scripts/backup.sh (TRYTOND_DATABASE__URI,
# TRYTOND_DATABASE_URI or the libpq variables); the role needs CREATEDB.
# Checks the SHA-256 written by backup.sh, creates the database (UTF8,
# owned by the connecting role), restores with --exit-on-error, then
# ANALYZE (pg_restore does not restore the planner statistics).
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

database='' filestore='' jobs=2
while getopts 'd:f:j:h' opt; do
    case $opt in
        d) database=$OPTARG ;;
        f) filestore=$OPTARG ;;
        j) jobs=$OPTARG ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ -n "$database" ] && [ $# -eq 1 ] || usage
dump=$1
base="${dump%.dump}"

source "$(dirname "${BASH_SOURCE[0]}")/pg-connection.sh"

if [ -f "$base.sha256" ]; then
    (cd "$(dirname "$dump")" && sha256sum --quiet --check "$(basename "$base.sha256")")
else
    echo "[restore] no $base.sha256: integrity not checked" >&2
fi
pg_restore --list "$dump" >/dev/null

# The name goes into SQL as a quoted identifier.
if [[ ! "$database" =~ ^[A-Za-z0-9_-]+$ ]]; then
    echo "[restore] invalid database name: $database" >&2
    exit 2
fi
psql --no-psqlrc --quiet --no-password -v ON_ERROR_STOP=1 \
    --dbname="$(connection postgres)" \
    -c "CREATE DATABASE \"$database\" TEMPLATE template0 ENCODING 'UTF8'"

if ! pg_restore --no-owner --no-privileges --exit-on-error --no-password \
        --jobs="$jobs" --dbname="$(connection "$database")" "$dump"; then
    echo "[restore] failed; the partial database $database is left for" \
        "inspection (DROP DATABASE \"$database\")" >&2
    exit 1
fi
# (the warnings about the shared catalogues a non-superuser may not
# analyse are muted)
PGOPTIONS='-c client_min_messages=error' psql --no-psqlrc --quiet \
    --no-password -v ON_ERROR_STOP=1 --dbname="$(connection "$database")" \
    -c 'ANALYZE'

if [ -n "$filestore" ] && [ -f "$base.files.tar.gz" ]; then
    mkdir -p "$filestore/$database"
    tar -xzf "$base.files.tar.gz" -C "$filestore/$database" \
        --strip-components=1
fi
echo "[restore] $dump restored into $database" >&2
