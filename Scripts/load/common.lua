-- Shared by the wrk scripts of Scripts/load-test.sh: counts responses by
-- status in every thread and prints one summary line at the end, which the
-- shell script reads ("RESULT key=value ...").

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function count_status(status)
  if status >= 200 and status < 300 then
    ok = (ok or 0) + 1
  elseif status >= 500 then
    server_errors = (server_errors or 0) + 1
  else
    client_errors = (client_errors or 0) + 1
  end
end

function summarize(summary, latency)
  local ok, client, server, flows = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + (thread:get("ok") or 0)
    client = client + (thread:get("client_errors") or 0)
    server = server + (thread:get("server_errors") or 0)
    flows = flows + (thread:get("flows") or 0)
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f " ..
    "ok=%d non2xx=%d status_5xx=%d socket_errors=%d flows=%d flows_per_s=%.0f\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    ok, client + server, server, socket_errors, flows, flows / seconds))
end
