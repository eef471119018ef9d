#!/usr/bin/env bash
# Run a tool against the peer QR libraries (zxing-cpp, OpenCV, ZBar, segno,
# python-qrcode, qrcodegen), installing them once into a cached venv.
#
#   peers.sh decode-eval CORPUS [--decoders zxing,zbar,opencv,ours] [--ours "CMD"] [--rotations]
#                        [--repeat N] [--max-pixels N]
#       score decoders side by side (see decode_eval.py); CORPUS is a folder of
#       folders of NAME.png + NAME.txt, like Fixtures/zxing, or a folder with a
#       manifest.json from Scripts/make-hard-corpus.py
#   peers.sh interop [--qr "CMD"] [--count N]
#       encode random payloads with the project's CLI and decode them with the peers
#   peers.sh python ARGS...      run the venv's python (e.g. a script of your own)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${QR_PEERS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/qr-peers}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import zxingcpp, cv2, pyzbar.pyzbar, segno, qrcode, qrcodegen" 2>/dev/null; then
  echo "peers.sh: installing the peer libraries into $venv (once)" >&2
  if ! ldconfig -p 2>/dev/null | grep -q libzbar.so; then
    (apt-get update -qq && apt-get install -y -qq libzbar0) >/dev/null 2>&1 || echo "peers.sh: could not install libzbar0; zbar will be missing" >&2
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q zxing-cpp opencv-python-headless pyzbar segno qrcode qrcodegen pillow numpy
fi
cmd="${1:-}"; shift || true
case "$cmd" in
  decode-eval) exec "$venv/bin/python" "$here/decode_eval.py" "$@" ;;
  interop)     exec "$venv/bin/python" "$here/interop.py" "$@" ;;
  python)      exec "$venv/bin/python" "$@" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
