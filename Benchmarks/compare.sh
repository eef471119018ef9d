#!/usr/bin/env bash
# Measures QRCore against its peers in one run, on this machine, and prints
# the ratios: libqrencode (C) for encoding speed, segno for PNG size,
# zxing-cpp for decoding speed.
#
#   Benchmarks/compare.sh            (needs libqrencode-dev and the peers venv
#                                     of Benchmarks/peers/peers.sh; both are
#                                     installed when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${QR_PEERS_SH:-$root/Benchmarks/peers/peers.sh}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -e /usr/include/qrencode.h ]; then
  echo "installing libqrencode-dev" >&2
  ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -qq libqrencode-dev >/dev/null
fi
cc -O2 -o "$work/qrencode_bench" "$root/Benchmarks/peers/qrencode_bench.c" -lqrencode

(cd "$root" && swift build --package-path Tools -c release --product qr-bench >/dev/null)
bench="$(cd "$root" && swift build --package-path Tools -c release --show-bin-path)/qr-bench"

payloads="$root/Fixtures/bench/payloads.json"
mapfile -t args < <(python3 -c '
import json, sys
for p in json.load(open(sys.argv[1])): print(p["name"]); print(p["ecc"]); print(p["text"])' "$payloads")

"$bench" --json --suite per-op > "$work/ours.json"
"$work/qrencode_bench" "${args[@]}" | sed 's/$/ libqrencode/' > "$work/peers.txt"
if [ -x "$peers" ]; then
  "$peers" python "$root/Benchmarks/peers/peer_bench.py" "$payloads" "$root/Fixtures/bench/photo-640x480.png" >> "$work/peers.txt"
fi

python3 - "$work/ours.json" "$work/peers.txt" <<'PY'
import json, sys
ours = {w["name"]: w for w in json.load(open(sys.argv[1]))["workloads"]}
rows = []
for line in open(sys.argv[2]):
    parts = line.split()
    if parts[-1] == "libqrencode":           # "encode/NAME µs libqrencode"
        name, value, peer, unit = parts[0], float(parts[1]), "libqrencode", "us"
    else:                                     # "workload peer value unit"
        name, peer, value, unit = parts[0], parts[1], float(parts[2]), parts[3]
    if name not in ours: continue
    mine = ours[name]["bytes"] if unit == "bytes" else ours[name]["us_per_op"]
    rows.append((name, peer, mine, value, unit))
print(f"{'workload':24} {'peer':14} {'QRCore':>10} {'peer':>10}  unit   QRCore/peer")
for name, peer, mine, value, unit in rows:
    print(f"{name:24} {peer:14} {mine:10.1f} {value:10.1f}  {unit:5}  {mine / value:6.2f}")
PY
