#!/usr/bin/env bash
# Runs the concurrent code under ThreadSanitizer: ParallelCodec's worker
# threads, its actor and the hand-offs between them (the 100,000-job test
# among them), then the server's tests in the Tools package. About 3 minutes
# to build and 1.5 minutes to run on 2 cores.
#
#   Scripts/test-tsan.sh              (extra arguments go to both swift test runs)
set -euo pipefail
cd "$(dirname "$0")/.."

# Known false positives of the uninstrumented concurrency runtime; the file says why.
export TSAN_OPTIONS="suppressions=$PWD/Scripts/tsan-suppressions.txt ${TSAN_OPTIONS:-}"

# Scratch folders of their own: a sanitized build shares nothing with a plain one.
swift test --sanitize=thread --scratch-path .build-tsan --filter 'Parallel|WorkerHandOff|Locked' "$@"
swift test --package-path Tools --sanitize=thread --scratch-path Tools/.build-tsan "$@"
