#!/usr/bin/env bash
# The server's own memory under uploads (issue 11): 300 concurrent 9 MB PNG
# uploads to POST /decode of `qr serve --workers 1`. Prints how many were
# accepted (202) and refused (503 + Retry-After, before the body was read),
# and the server's peak RSS (VmHWM) after the uploads and after the accepted
# jobs ran; fails if an upload got anything else, or if the peak passes
# --max-queued-bytes plus LIMIT_OVERHEAD_MIB (a fixed overhead: the runtime,
# the event loops' reads, one worker's decoding buffers).
#
#   Scripts/upload-memory-test.sh                        release build, the default 256 MiB budget
#   MAX_QUEUED_BYTES=1099511627776 Scripts/upload-memory-test.sh   (no budget to speak of: the old behaviour)
#   CONFIGURATION=debug WAIT_FOR_JOBS=0 Scripts/upload-memory-test.sh  (CI: the uploads only; a debug
#       build takes minutes to decode the accepted noise images)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-18094}"
configuration="${CONFIGURATION:-release}"
scratch="${SCRATCH_PATH:-Tools/.build}"
budget="${MAX_QUEUED_BYTES:-268435456}"
overhead="${LIMIT_OVERHEAD_MIB:-160}"

echo "==> building qr ($configuration)"
swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --product qr >/dev/null
qr="$(swift build --package-path Tools -c "$configuration" --scratch-path "$scratch" --show-bin-path)/qr"

log="$(mktemp)"
"$qr" serve --port "$port" --workers 1 --max-queued-bytes "$budget" >"$log" 2>&1 &
server=$!
# SIGTERM lets the worker finish every accepted job, minutes of noise decoding
# in a debug build; without WAIT_FOR_JOBS those jobs are not what is measured.
stop_signal=TERM; [ "${WAIT_FOR_JOBS:-1}" = 1 ] || stop_signal=KILL
trap 'kill -$stop_signal $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
grep -q "listening on" "$log" || { echo "server did not start"; cat "$log"; exit 1; }

python3 Scripts/uploads/memory_test.py "$port" "$server"
if [ "${WAIT_FOR_JOBS:-1}" = 1 ]; then
echo "==> waiting for the accepted jobs to run"
for _ in $(seq 600); do
  queued="$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^qr_(queue_length|busy_workers) /{s+=$2} END{print s+0}')"
  [ "$queued" = 0 ] && break
  sleep 0.5
done
fi
peak_kib="$(awk '/^VmHWM:/{print $2}' "/proc/$server/status")"
peak_mib=$((peak_kib / 1024))
limit_mib=$((budget / 1048576 + overhead))
echo "peak RSS: $peak_mib MiB (budget $((budget / 1048576)) MiB + $overhead MiB overhead = $limit_mib MiB)"
if [ "$budget" -lt 1073741824 ] && [ "$peak_mib" -gt "$limit_mib" ]; then
  echo "FAIL: peak RSS passed the budget plus the fixed overhead"; exit 1
fi
echo "upload memory test passed"
