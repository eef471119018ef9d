#!/usr/bin/env bash
# What an app that depends on QRCore pays: makes a fresh package that depends
# on this repository (a clone of its committed state, by URL, as SwiftPM
# fetches a release), once with `traits: []` and once with the default traits,
# builds and runs an encode → decode example, and checks that
#   - nothing but QRCore is resolved or checked out (.build/checkouts),
#   - with `traits: []` no C library is linked (no libpng, no libjpeg), and
#     reading a PNG file throws "built without PNG support",
#   - with the default traits, PNG and JPEG files are read.
#
#   Scripts/check-downstream.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q --no-hardlinks "file://$PWD" "$work/QRCore"
git -C "$work/QRCore" tag 1.0.0

run() {  # NAME TRAITS-ARGUMENT EXPECTATION
  local app="$work/$1"
  mkdir -p "$app/Sources/App"
  cat > "$app/Package.swift" <<SWIFT
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "App",
    dependencies: [.package(url: "file://$work/QRCore", from: "1.0.0"$2)],
    targets: [.executableTarget(name: "App", dependencies: [.product(name: "QRCore", package: "QRCore")])]
)
SWIFT
  cat > "$app/Sources/App/main.swift" <<'SWIFT'
import QRCore

// Encode, draw the modules as pixels, and read them back: no file format needed.
let code = try QRCode(text: "https://example.com/downstream", correctionLevel: .medium)
let scale = 4, side = (code.size + 8) * scale
var pixels = [UInt8](repeating: 255, count: side * side)
for y in 0..<side { for x in 0..<side {
    let (mx, my) = (x / scale - 4, y / scale - 4)
    if (0..<code.size).contains(mx), (0..<code.size).contains(my), code[mx, my] { pixels[y * side + x] = 0 }
} }
let image = try GrayImage(pixels: pixels, width: side, height: side, bytesPerRow: side, format: .gray8)
let texts = QRReader().read(image).map(\.text)
precondition(texts == ["https://example.com/downstream"], "read \(texts)")
let png = try code.pngData()
print("encoded, decoded from pixels, wrote a \(png.count)-byte PNG")
do {
    let read = try GrayImage(pngData: png)
    print("read the PNG back: \(read)")
} catch {
    print("reading PNG: \(error)")
}
SWIFT
  (cd "$app" && swift build -v > build.log 2>&1) || { cat "$app/build.log" | tail -30; exit 1; }
  local output; output="$(cd "$app" && "$(swift build --show-bin-path)/App")"
  echo "$output" | sed "s/^/  $1: /"
  local checkouts; checkouts="$(ls "$app/.build/checkouts" | tr '\n' ' ')"
  [ "$checkouts" = "QRCore " ] || { echo "FAIL $1: checked out [$checkouts], expected QRCore alone"; exit 1; }
  echo "ok   $1: .build/checkouts holds QRCore alone"
  case "$3" in
    none)
      # The app's link line, captured first: `grep -q` at the end of a pipeline
      # would exit at its first match and, under pipefail, fail the pipeline
      # through the writer's SIGPIPE.
      local link; link="$(grep -E -- '-o [^ ]*/App( |$)' "$app/build.log" || true)"
      if echo "$link" | grep -E -- '-lpng|-ljpeg' >/dev/null; then
        echo "FAIL $1: libpng or libjpeg on the link line"; exit 1
      fi
      echo "ok   $1: no libpng or libjpeg on the link line"
      echo "$output" | grep "built without PNG support" >/dev/null || { echo "FAIL $1: reading PNG did not say it is not built in"; exit 1; }
      echo "ok   $1: reading PNG says QRCore was built without PNG support" ;;
    all)
      echo "$output" | grep "read the PNG back: GrayImage" >/dev/null || { echo "FAIL $1: PNG not read"; exit 1; }
      # The same check as above, seen to find the libraries where they are linked.
      local link; link="$(grep -E -- '-o [^ ]*/App( |$)' "$app/build.log" | grep -E -- '-lpng' || true)"
      echo "$link" | grep -E -- '-ljpeg' >/dev/null \
        || { echo "FAIL $1: libpng and libjpeg not found on the link line"; exit 1; }
      echo "ok   $1: PNG read with the default traits" ;;
  esac
}

run no-traits ', traits: []' none
run default-traits '' all
