#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs them.
#
#   Scripts/fuzz.sh [png|jpeg|pixels|codewords|all] [SECONDS]     default: all, 300 s each
#
# QRCore is built once, in .build-fuzz/, with AddressSanitizer, libFuzzer's
# coverage instrumentation and -enable-testing (the codewords harness reaches
# internal types through @testable import); each harness is one Swift file
# linked against those objects. A harness starts from its corpus in
# Fuzz/out/NAME/corpus/, first made from the seeds in Fixtures/fuzz/NAME/ and
# kept between runs, so the checked-in seeds never grow (rm -rf Fuzz/out to
# start over). The log of a run is Fuzz/out/NAME/fuzz.log.
#
# Prints the executions of each harness. Exits non-zero if any harness
# crashed, leaked, timed out or ran out of memory; the input that did it is
# left in Fuzz/out/NAME/ (crash-*, leak-*, timeout-*, oom-*). To replay one
# with its stack trace:
#   SWIFT_BACKTRACE=enable=no Fuzz/out/bin/NAME FILE 2>&1 | swift demangle --simplified
# Needs libpng-dev, libjpeg62-turbo-dev and pkg-config, as the package does.
# The system's libpng and libjpeg are not instrumented: coverage guides the
# mutations through the shims and QRCore.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-all}"
seconds="${2:-300}"
case "$target" in
  png|jpeg|pixels|codewords) harnesses=("$target") ;;
  all) harnesses=(png jpeg pixels codewords) ;;
  *) echo "usage: Scripts/fuzz.sh [png|jpeg|pixels|codewords|all] [SECONDS]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, not '$seconds'" >&2; exit 2; }

# Longest input per harness: a small QR PNG or JPEG, or a corrupt one, is well
# under 16 KiB; 32 KiB of raw pixels holds a 90×90 RGBA symbol; the largest symbol
# (version 40) has 3,706 codewords, twice that with its uncertainty flags.
max_len() {
  case "$1" in
    png|jpeg) echo 16384 ;;
    pixels) echo 32768 ;;
    codewords) echo 8192 ;;
  esac
}

source_file() {
  case "$1" in
    png) echo Fuzz/png/PNGFuzzer.swift ;;
    jpeg) echo Fuzz/jpeg/JPEGFuzzer.swift ;;
    pixels) echo Fuzz/pixels/PixelsFuzzer.swift ;;
    codewords) echo Fuzz/codewords/CodewordsFuzzer.swift ;;
  esac
}

# Swift's own crash backtracer, started on a trap, reads the stack in a way
# AddressSanitizer reports as an underflow, and its helper can outlive the
# fuzzer; without it libFuzzer prints the stack. The toolchain's symbolizer
# gives file:line for Swift frames.
export SWIFT_BACKTRACE=enable=no
symbolizer="$(dirname "$(command -v swiftc)")/llvm-symbolizer"
if [ -x "$symbolizer" ]; then export ASAN_SYMBOLIZER_PATH="$symbolizer"; fi

scratch=.build-fuzz
echo "==> building QRCore with -sanitize=fuzzer,address in $scratch/"
mkdir -p Fuzz/out
if ! swift build -c release --target QRCore --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
  -Xcc -fsanitize=fuzzer-no-link,address >Fuzz/out/build.log 2>&1; then
  cat Fuzz/out/build.log
  exit 1
fi
lib="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

# QRCore's objects for the sources that exist now: a renamed or deleted
# source leaves its old object behind in the scratch folder.
qrcore_objects() {
  for object in "$lib"/QRCore.build/*.swift.o; do
    source="$(basename "$object" .o)"
    if [ -n "$(find Sources/QRCore -name "$source" -print -quit)" ]; then echo "$object"; fi
  done
}

build_harness() {  # build_harness NAME
  echo "==> building Fuzz/out/bin/$1"
  mkdir -p Fuzz/out/bin
  # shellcheck disable=SC2046  # pkg-config prints several flags
  swiftc -use-ld=lld -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 \
    -I "$lib/Modules" \
    -Xcc -fmodule-map-file="$lib/CQRPNG.build/module.modulemap" -Xcc -I -Xcc Sources/CQRPNG/include \
    -Xcc -fmodule-map-file="$lib/CQRJPEG.build/module.modulemap" -Xcc -I -Xcc Sources/CQRJPEG/include \
    -Xcc -fmodule-map-file=Sources/CLibPNG/module.modulemap $(pkg-config --cflags-only-I libpng) \
    -Xcc -fmodule-map-file=Sources/CLibJPEG/module.modulemap $(pkg-config --cflags-only-I libjpeg) \
    "$(source_file "$1")" $(qrcore_objects) "$lib"/CQRPNG.build/*.o "$lib"/CQRJPEG.build/*.o \
    $(pkg-config --libs libpng libjpeg) -o "Fuzz/out/bin/$1"
}

run_harness() {  # run_harness NAME: prints a summary, returns libFuzzer's status
  local name="$1" out="Fuzz/out/$1"
  mkdir -p "$out/corpus"
  cp "Fixtures/fuzz/$name"/* "$out/corpus/"
  local before
  before="$(find "$out/corpus" -type f | wc -l)"
  echo "==> fuzzing $name for $seconds s (log: $out/fuzz.log)"
  local status=0
  # An input that takes over a minute is reported as a hang (timeout-*).
  "Fuzz/out/bin/$name" "$out/corpus" \
    -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=60 \
    -artifact_prefix="$out/" -print_final_stats=1 >"$out/fuzz.log" 2>&1 || status=$?
  local runs
  runs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/fuzz.log" | grep -o '[0-9]*$' || true)"
  if [ -z "$runs" ]; then  # no final stats: count up to the last status line
    runs="$(grep -o '^#[0-9]*' "$out/fuzz.log" | tail -1 | tr -d '#' || true)"
  fi
  echo "    $name: ${runs:-?} executions, corpus $before → $(find "$out/corpus" -type f | wc -l) inputs"
  if [ "$status" -ne 0 ]; then
    echo "    $name FAILED (status $status); inputs left:" $(find "$out" -maxdepth 1 -type f \
      \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \))
    grep -E -A40 'Fatal error|^==[0-9]+==' "$out/fuzz.log" | head -60 | swift demangle --simplified
  fi
  return "$status"
}

for name in "${harnesses[@]}"; do build_harness "$name"; done
failed=()
for name in "${harnesses[@]}"; do run_harness "$name" || failed+=("$name"); done
if [ "${#failed[@]}" -ne 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "no crash in ${harnesses[*]}"
