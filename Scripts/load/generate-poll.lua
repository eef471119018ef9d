-- The asynchronous flow of a client: POST /generate, poll GET /result/{id}
-- until it succeeds, then GET the image. All connections of a thread share
-- this Lua state, so tasks wait in queues: a connection that is free fetches
-- an image if one is ready, else polls a task, else starts a new one. A task
-- is in at most one queue at a time, so no two connections poll it at once.
-- With RESULT_WAIT=S in the environment each poll is GET /result/{id}?wait=S,
-- which the server holds until the task finishes: a flow is then one job
-- end to end (Scripts/pg-load-test.sh compares the stores that way).

dofile(os.getenv("QR_LOAD_DIR") .. "/common.lua")

local wait = os.getenv("RESULT_WAIT")
local result_query = wait and ("?wait=" .. wait) or ""
local counter = 0
local to_poll = {}
local to_fetch = {}
flows = 0

function request()
  local image = table.remove(to_fetch, 1)
  if image then
    return wrk.format("GET", image)
  end
  local task = table.remove(to_poll, 1)
  if task then
    return wrk.format("GET", "/result/" .. task .. result_query)
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
    table.insert(to_poll, task)
  elseif body:find('"status":"success"', 1, true) then
    table.insert(to_fetch, body:match('"image":"([^"]+)"'))
  elseif body:find('"status":"pending"', 1, true) or body:find('"status":"running"', 1, true) then
    table.insert(to_poll, task)
  end
end

function done(summary, latency, requests)
  summarize(summary, latency)
end
