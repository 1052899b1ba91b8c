# Sourced by backup.sh and restore.sh.
# connection DATABASE: the connection string of pg_dump/psql for DATABASE.
connection() {
    local uri="${TRYTOND_DATABASE__URI:-${TRYTOND_DATABASE_URI:-}}"
    case "$uri" in
        postgresql://*|postgres://*)
            local query=''
            if [[ "$uri" == *\?* ]]; then query="?${uri#*\?}"; uri="${uri%%\?*}"; fi
            uri="${uri%/}"
            # Drop a database name the URI may carry: keep scheme://netloc
            local rest="${uri#*://}"
            echo "${uri%%://*}://${rest%%/*}/$1$query"
            ;;
        *) echo "dbname=$1" ;;
    esac
}
