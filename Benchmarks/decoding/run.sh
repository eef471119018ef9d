#!/usr/bin/env bash
# Decoding time and instructions with pixels in memory, for profiling and
# before/after comparisons of the decoder (Benchmarks/peers compares peers).
#
#   Benchmarks/decoding/run.sh [--reps N] [--callgrind] [--source DIR] CORPUS...
#
# Every PNG and JPEG under each CORPUS folder (a make-hard-corpus.py output or
# any folder) is converted once to greyscale PGM (cached beside the build),
# then decoded by driver.swift compiled with QRCore's sources in one module:
# each image REPS times (default 3), its fastest time printed. --callgrind
# runs the driver once per image under valgrind and prints the instructions
# spent decoding, which do not move with the machine's load; callgrind_annotate
# on the profile it names shows where they go. --source compiles another
# copy of Sources/QRCore (an older checkout, for a before/after).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
reps=3 callgrind=0 source="$root/Sources/QRCore"
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --callgrind) callgrind=1; shift ;;
    --source) source="$(cd "$2" && pwd)"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { sed -n '2,14p' "$0"; exit 2; }
work="${QR_DECODING_BENCH_DIR:-${TMPDIR:-/tmp}/qr-decoding-bench}"
mkdir -p "$work/pgm"
driver="$work/driver-$(printf '%s' "$source" | cksum | cut -d' ' -f1)"
if [ ! -x "$driver" ] || [ -n "$(find "$source" "$here/driver.swift" -name '*.swift' -newer "$driver")" ]; then
  swiftc -O -wmo -parse-as-library -module-name QRCore -package-name qr -swift-version 6 \
    $(find "$source" -name '*.swift') "$here/driver.swift" -o "$driver"
fi
list="$work/list.txt"
"$root/Benchmarks/peers/peers.sh" python - "$work/pgm" "$@" > "$list" <<'PY'
import cv2, hashlib, os, sys
out = sys.argv[1]
for corpus in sys.argv[2:]:
    for folder, _, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            if os.path.splitext(name)[1].lower() not in (".png", ".jpg", ".jpeg"): continue
            path = os.path.abspath(os.path.join(folder, name))
            pgm = os.path.join(out, hashlib.sha1(path.encode()).hexdigest()[:16] + ".pgm")
            if not os.path.exists(pgm):
                cv2.imwrite(pgm, cv2.imread(path, cv2.IMREAD_GRAYSCALE))
            print(pgm, path)
PY
if [ "$callgrind" = 1 ]; then
  # Only the driver's decode(_:) is counted, not reading the files.
  valgrind --tool=callgrind --toggle-collect='*DecodingDriverV6decode*' --callgrind-out-file="$work/callgrind.out" \
    "$driver" 1 $(cut -d' ' -f1 "$list") \
    2>&1 >/dev/null | grep -E "Collected|rror"
  echo "profile: $work/callgrind.out"
else
  # The driver prints the PGM's name; show the original file's instead.
  "$driver" "$reps" $(cut -d' ' -f1 "$list") | awk 'NR == FNR { name[$1] = $2; next } $1 in name { $1 = name[$1] } { print }' "$list" -
fi
