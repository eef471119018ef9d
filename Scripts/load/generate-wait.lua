-- A client of the asynchronous API that waits instead of polling:
-- POST /generate, then GET /result/{id}?wait=10 (held by the server until
-- the task finishes), then GET the image. Used by Scripts/pg-load-test.sh to
-- compare the stores under the same flow; a flow is one job, end to end.

dofile(os.getenv("QR_LOAD_DIR") .. "/common.lua")

local counter = 0
local to_wait = {}
local to_fetch = {}
flows = 0

function request()
  local image = table.remove(to_fetch, 1)
  if image then
    return wrk.format("GET", image)
  end
  local task = table.remove(to_wait, 1)
  if task then
    return wrk.format("GET", "/result/" .. task .. "?wait=10")
  end
  counter = counter + 1
  local body = string.format('{"text": "https://example.com/ticket/%d-%d", "ecc": "M", "scale": 8}', id, counter)
  return wrk.format("POST", "/generate", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  count_status(status)
  local content_type = headers["Content-Type"] or ""
  if content_type == "image/png" then
    flows = flows + 1
    return
  end
  local task = body:match('"task_id":"(%x+)"')
  if not task then
    return
  end
  if status == 202 then
    table.insert(to_wait, task)
  elseif body:find('"status":"success"', 1, true) then
    table.insert(to_fetch, body:match('"image":"([^"]+)"'))
  elseif body:find('"status":"pending"', 1, true) or body:find('"status":"running"', 1, true) then
    table.insert(to_wait, task)
  end
end

function done(summary, latency, requests)
  summarize(summary, latency)
end
