#!/usr/bin/env bash
# Load through the PostgreSQL store against the memory store, on this
# machine: nginx (Debian's) round-robin in front of the instances on
# loopback, wrk on the asynchronous flow (POST /generate, GET
# /result/{id}?wait=10, GET the image; a flow is one job end to end), and on
# GET /qr. Prints jobs/s and latency for each setup and fails on any non-2xx
# answer or socket error.
#
#   memory:    nginx → 1 × qr serve --workers 2            (a memory store cannot be shared)
#   postgres:  nginx → 2 × qr serve --store … --workers 1   (round-robin; any instance answers any task)
#   front:     nginx → 2 × qr serve --store … --workers 0, + 1 × qr worker --workers 2
#
#   Scripts/pg-load-test.sh                      release build, 20 s × 32 connections each
#   DURATION=5s CONNECTIONS=16 CONFIGURATION=debug Scripts/pg-load-test.sh
#
# Traffic goes to 127.0.0.1 only, for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/lib-postgres.sh
ensure_postgres
missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -ne 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian starts the packaged nginx on port 80; this test runs its own.
  if [ -f /run/nginx.pid ]; then $sudo kill -QUIT "$(cat /run/nginx.pid)" 2>/dev/null || true; fi
fi

configuration="${CONFIGURATION:-release}"
scratch="${SCRATCH_PATH:-Tools/.build}"
echo "==> building qr ($configuration)"
swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --product qr >/dev/null
qr="$(swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --show-bin-path)/qr"

export QR="$qr" QR_LOAD_DIR="$PWD/Scripts/load" DURATION="${DURATION:-20s}" CONNECTIONS="${CONNECTIONS:-32}"
export -f store_url
pg_virtualenv -t -v 15 bash Scripts/pg/load_run.sh
