#!/usr/bin/env bash
# Drives the web page of `qr serve` in headless Chromium (Debian's chromium
# and chromium-driver, through Selenium from PyPI): generates a code, checks
# the preview is a readable code, decodes uploaded and dropped images (a JPEG
# photo must go to the server as it is, a WebP re-encoded), checks
# the error and timeout messages, and saves screenshots at desktop and phone
# widths into a temporary folder printed at the end (or WEB_TEST_OUT).
#
#   Scripts/web-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-18091}"
scratch="${SCRATCH_PATH:-Tools/.build}"
venv="${WEB_TEST_VENV:-.build-web/venv}"
out="${WEB_TEST_OUT:-$(mktemp -d -t qr-web-XXXXXX)}"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q selenium
fi

echo "==> building qr"
swift build --package-path Tools --scratch-path "$scratch" --product qr >/dev/null
qr="$(swift build --package-path Tools --scratch-path "$scratch" --show-bin-path)/qr"

work="$(mktemp -d)"
"$qr" encode -o "$work/code.png" "https://example.com/ticket/8F3A-22C1"
"$qr" encode -o "$work/code.svg" "drawn by the page"
"$qr" encode --fg white -o "$work/blank.png" "nothing to see"
cp Fixtures/images/qr-photo.jpg "$work/photo.jpg"
cp Fixtures/images/qr-photo.txt "$work/photo.txt"

. Scripts/lib-serve.sh
start_server "$qr" "$port"

echo "==> driving the page in headless Chromium"
status=0
SE_OFFLINE=true "$venv/bin/python" Scripts/web/web_test.py --base "http://127.0.0.1:$port" --out "$out" --fixtures "$work" || status=$?
echo "screenshots: $out"
exit "$status"
