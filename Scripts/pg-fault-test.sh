#!/usr/bin/env bash
# The PostgreSQL store's multi-process fault test: 2 `qr serve --workers 0`
# front ends and 2 `qr worker` processes on a throwaway PostgreSQL 15; jobs
# submitted through one front end and read through the other while a worker
# is killed with -9, another stopped past its lease and continued,
# PostgreSQL restarted, and a worker stopped with SIGTERM; then every job
# must have exactly one correct result. See Scripts/pg/fault_test.py.
#
#   Scripts/pg-fault-test.sh                     debug build, 10 jobs a second
#   FAULT_RATE=40 CONFIGURATION=release Scripts/pg-fault-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/lib-postgres.sh
ensure_postgres

configuration="${CONFIGURATION:-debug}"
scratch="${SCRATCH_PATH:-Tools/.build}"
swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --product qr >/dev/null
qr="$(swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --show-bin-path)/qr"

export -f store_url
pg_virtualenv -t -v 15 bash -c 'python3 Scripts/pg/fault_test.py "$1" "$(store_url)"' fault-test "$qr"
