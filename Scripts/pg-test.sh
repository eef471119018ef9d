#!/usr/bin/env bash
# The PostgreSQL store's Swift tests (PostgresStatementTests: migration under
# concurrent start, claim, completion, rescue, pruning, notifications;
# PostgresJobStoreTests: idempotency, a full queue, an unreachable database,
# two front ends and a worker through HTTP) against a real PostgreSQL 15 in a
# throwaway cluster. Fails unless both suites ran and passed: without
# QR_TEST_POSTGRES_URL they would be skipped, and a skip must not pass here.
#
#   Scripts/pg-test.sh             (extra arguments go to swift test)
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/lib-postgres.sh
ensure_postgres

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export -f store_url
pg_virtualenv -t -v 15 bash -c 'QR_TEST_POSTGRES_URL="$(store_url)" swift test --package-path Tools --filter "Postgres(Statement|JobStore)Tests" "$@"' \
  pg-test "$@" 2>&1 | tee "$log"

for suite in PostgresStatementTests PostgresJobStoreTests; do
  if ! grep -q "Suite $suite passed" "$log"; then
    echo "FAIL: the $suite suite did not run and pass"; exit 1
  fi
done
if grep -q "skipped" "$log"; then echo "FAIL: PostgreSQL tests were skipped"; exit 1; fi
echo "PostgreSQL tests ran and passed"
