#!/usr/bin/env bash
# Sets up a fresh Debian (or Ubuntu) machine with Swift 6 for QRCore, then
# runs the main job on a built-in example: encode a ticket URL, show it in
# the terminal, write it as PNG and SVG, and read the PNG and two photos
# (a PNG and a phone-style JPEG) back.
set -euo pipefail
cd "$(dirname "$0")/.."

# The C libraries QRCore reads images with, by their pkg-config names and Debian packages.
missing=()
pkg-config --exists libpng 2>/dev/null || missing+=(libpng-dev)
pkg-config --exists libjpeg 2>/dev/null || missing+=(libjpeg62-turbo-dev)
if [ "${#missing[@]}" -ne 0 ]; then
  echo "==> installing ${missing[*]} (and pkg-config)"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" pkg-config
fi

echo "==> building (release)"
swift build --package-path Tools -c release --product qr
qr="$(swift build --package-path Tools -c release --show-bin-path)/qr"
out="${TMPDIR:-/tmp}/qrcore-demo"
mkdir -p "$out"

text="https://example.com/ticket/8F3A-22C1-9D0B?seat=14B&event=42"
echo "==> qr encode --ecc H \"$text\""
"$qr" encode --ecc H "$text"
"$qr" encode --ecc H -o "$out/ticket.png" "$text"
"$qr" encode --ecc H --fg "#1a237e" --bg transparent -o "$out/ticket.svg" "$text"
echo "==> wrote $out/ticket.png ($(wc -c < "$out/ticket.png") bytes) and $out/ticket.svg"

echo "==> qr decode --json $out/ticket.png Fixtures/bench/photo-640x480.png Fixtures/images/qr-photo.jpg"
"$qr" decode --json "$out/ticket.png" Fixtures/bench/photo-640x480.png Fixtures/images/qr-photo.jpg
