#!/usr/bin/env bash
# Back up an SKP-ASN database: a pg_dump in PostgreSQL's custom format
# (-Fc: compressed, restorable table by table and in parallel), a tar of the
# database's file store (attachments, stored reports) and their SHA-256.
#
#   scripts/backup.sh -d DATABASE [-o DIR] [-f FILESTORE] [-k DAYS]
#
#   -d  the database (required)
#   -o  folder of the backups (default: current folder)
#   -f  trytond's [database] path: the files of DATABASE are in
#       FILESTORE/DATABASE (default: none, no file backup)
#   -k  delete this database's backups in DIR older than DAYS days
#
# Connection: TRYTOND_DATABASE__URI or TRYTOND_DATABASE_URI
# (postgresql://user:password@host:port/, as trytond takes it), else the
# usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, ~/.pgpass).
# The dump is a consistent snapshot taken while the application runs; it
# holds only light locks. Use pg_dump of the same major version as the
# server (or newer).
#
# Writes DIR/DATABASE-<UTC time>.dump, .files.tar.gz (with -f, when the
# folder exists) and .sha256, checks that pg_restore can read the dump and
# prints the path of the dump on its last line. scripts/restore.sh restores
# it; tests/test_deployment.py runs the round trip.
set -euo pipefail

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

database='' out='.' filestore='' keep=''
while getopts 'd:o:f:k:h' opt; do
    case $opt in
        d) database=$OPTARG ;;
        o) out=$OPTARG ;;
        f) filestore=$OPTARG ;;
        k) keep=$OPTARG ;;
        *) usage ;;
    esac
done
[ -n "$database" ] || usage

source "$(dirname "${BASH_SOURCE[0]}")/pg-connection.sh"

mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="$out/$database-$stamp"
umask 077

# Write under a temporary name: a failed or interrupted backup never
# looks like a good one.
pg_dump --format=custom --compress=6 --no-password \
    --file="$base.dump.partial" --dbname="$(connection "$database")"
pg_restore --list "$base.dump.partial" >/dev/null
mv "$base.dump.partial" "$base.dump"
files=("$(basename "$base.dump")")

if [ -n "$filestore" ] && [ -d "$filestore/$database" ]; then
    tar -czf "$base.files.tar.gz.partial" -C "$filestore" "$database"
    mv "$base.files.tar.gz.partial" "$base.files.tar.gz"
    files+=("$(basename "$base.files.tar.gz")")
fi

(cd "$out" && sha256sum "${files[@]}" > "$(basename "$base.sha256")")

if [ -n "$keep" ]; then
    find "$out" -maxdepth 1 -type f -name "$database-*" -mtime "+$keep" \
        -delete
fi

echo "[backup] $database: $(du -h "$base.dump" | cut -f1) in $base.dump" >&2
echo "$base.dump"
