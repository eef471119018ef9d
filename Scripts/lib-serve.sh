# Sourced by the scripts that drive a running `qr serve` (load-test.sh,
# web-test.sh): start_server QR PORT starts the binary QR on 127.0.0.1:PORT,
# logging into $work/server.log, waits up to 10 s for its "listening" line,
# and arranges for it to be stopped and $work removed on exit.
start_server() {
  "$1" serve --host 127.0.0.1 --port "$2" >"$work/server.log" 2>&1 &
  server=$!
  trap stop_server EXIT
  for _ in $(seq 100); do
    grep -q "listening on" "$work/server.log" && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not start"; cat "$work/server.log"; exit 1
}

stop_server() {
  kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
