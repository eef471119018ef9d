# Sourced by the scripts that need PostgreSQL 15 (pg-test.sh, pg-fault-test.sh,
# pg-load-test.sh): ensure_postgres installs Debian's postgresql (which brings
# pg_virtualenv) when it is missing. The scripts then run inside
# `pg_virtualenv -t -v 15`, a throwaway cluster in a temporary folder that is dropped at the end and
# whose PG* variables (host, port, user, password, database) are exported;
# as root, pg_virtualenv runs the server as the postgres user.
ensure_postgres() {
  if ! command -v pg_virtualenv >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq postgresql-15 postgresql-common >/dev/null
    # The package starts a cluster of its own on 5432; the scripts need only theirs.
    $sudo pg_ctlcluster 15 main stop 2>/dev/null || true
  fi
}

# The store URL of the cluster pg_virtualenv started (call it inside).
store_url() {
  echo "postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE?sslmode=disable"
}
