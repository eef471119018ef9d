#!/usr/bin/env bash
# The test suite: the library's tests at the repository root, then the
# command-line tool's and the server's in the nested Tools package.
#
#   Scripts/test.sh              (extra arguments go to both swift test runs)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> swift test (QRCore)"
swift test "$@"
echo "==> swift test --package-path Tools (qr, QRServer)"
swift test --package-path Tools "$@"
