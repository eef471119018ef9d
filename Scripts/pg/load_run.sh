# Run by Scripts/pg-load-test.sh inside pg_virtualenv: starts each setup,
# puts nginx in front, runs wrk, stops everything.
set -euo pipefail
work="$(mktemp -d)"
nginx_port=18180
pids=()
failures=0

stop_all() {
  [ -f "$work/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  rm -f "$work/nginx.pid"
}
trap 'stop_all; rm -rf "$work"' EXIT

launch() {  # launch NAME READY-TEXT ARGS...
  local name="$1" ready="$2"; shift 2
  "$QR" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do grep -q "$ready" "$work/$name.log" && return 0; sleep 0.1; done
  echo "$name did not start"; cat "$work/$name.log"; exit 1
}

start_nginx() {  # start_nginx PORT...
  local servers=""
  for port in "$@"; do servers+="    server 127.0.0.1:$port;"$'\n'; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_max_body_size 16m;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  upstream qr {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://qr;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout 30s;
    }
  }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work"
}

measure() {  # measure SETUP SCRIPT
  local out="$work/$1-$2.out"
  RESULT_WAIT=10 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$QR_LOAD_DIR/$2" "http://127.0.0.1:$nginx_port" >"$out"
  local result
  result="$(grep '^RESULT' "$out")"
  echo "$1 $2: $result"
  if ! grep -q " non2xx=0 " <<<"$result" || ! grep -q " socket_errors=0 " <<<"$result"; then
    echo "FAIL $1 $2"; failures=$((failures + 1))
  fi
}

url="$(store_url)"
echo "==> memory: nginx → qr serve --workers 2"
launch memory "listening on" serve --port 18181 --workers 2
start_nginx 18181
measure memory generate-poll.lua
measure memory quick-code.lua
stop_all

echo "==> postgres: nginx → 2 × qr serve --store postgres --workers 1"
launch pg-1 "listening on" serve --port 18181 --workers 1 --store "$url"
launch pg-2 "listening on" serve --port 18182 --workers 1 --store "$url"
start_nginx 18181 18182
measure postgres generate-poll.lua
measure postgres quick-code.lua
echo "store: $(curl -s http://127.0.0.1:18181/metrics | grep -E '^qr_store_(jobs|duplicate)' | tr '\n' ' ')"
stop_all

echo "==> front: nginx → 2 × qr serve --store postgres --workers 0, + qr worker --workers 2"
launch front-1 "listening on" serve --port 18181 --workers 0 --store "$url"
launch front-2 "listening on" serve --port 18182 --workers 0 --store "$url"
launch worker "running jobs" worker --workers 2 --store "$url"
start_nginx 18181 18182
measure front generate-poll.lua
measure front quick-code.lua
stop_all

psql -Atc "SELECT 'rows left in the store: ' || count(*) FROM qr.jobs"
if [ "$failures" = 0 ]; then echo "store load test passed"; else echo "store load test FAILED"; exit 1; fi
