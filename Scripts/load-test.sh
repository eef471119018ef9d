#!/usr/bin/env bash
# Load test of `qr serve` on loopback: builds the release binary, starts the
# server on 127.0.0.1, runs wrk on GET /qr and on the asynchronous
# generate → poll → image flow, prints requests/s and latency percentiles,
# and fails on any non-2xx answer or socket error. Stops the server.
#
#   Scripts/load-test.sh                       30 s × 64 connections each
#   DURATION=10s CONNECTIONS=32 Scripts/load-test.sh
#   CONFIGURATION=debug DURATION=5s CONNECTIONS=16 Scripts/load-test.sh
#       (what CI runs: no release build, so only the zero-error check counts)
#
# Traffic goes to 127.0.0.1 only, for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-30s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
port="${PORT:-18090}"
scratch="${SCRATCH_PATH:-Tools/.build}"
configuration="${CONFIGURATION:-release}"

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk
fi

echo "==> building qr ($configuration)"
swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --product qr >/dev/null
qr="$(swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --show-bin-path)/qr"

work="$(mktemp -d)"
. Scripts/lib-serve.sh
start_server "$qr" "$port"
head -1 "$work/server.log" | grep -v "^$" || true

export QR_LOAD_DIR="$PWD/Scripts/load"
failures=0
run() {  # run NAME SCRIPT
  echo "==> $1: wrk -t$threads -c$connections -d$duration"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "Scripts/load/$2" "http://127.0.0.1:$port" >"$work/$2.out"
  sed -n '/Thread Stats/,/Requests\/sec/p' "$work/$2.out"
  local result
  result="$(grep '^RESULT' "$work/$2.out")"
  echo "$result"
  local non2xx socket_errors
  non2xx="$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$result")"
  socket_errors="$(sed -E 's/.* socket_errors=([0-9]+).*/\1/' <<<"$result")"
  if [ "$non2xx" != 0 ] || [ "$socket_errors" != 0 ]; then
    echo "FAIL $1: $non2xx non-2xx answers, $socket_errors socket errors"
    failures=$((failures + 1))
  fi
}

run "GET /qr" quick-code.lua
run "POST /generate → GET /result/{id} → GET image" generate-poll.lua

echo "==> server metrics after the run"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^qr_(jobs_(completed|failed|rejected)_total|results_retained|tasks|job_latency_p(50|99)_seconds) '
if [ "$failures" = 0 ]; then echo "load test passed"; else echo "load test FAILED"; exit 1; fi
