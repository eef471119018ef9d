-- GET /qr?text=…: a different ticket number on every request.
dofile(os.getenv("QR_LOAD_DIR") .. "/common.lua")

local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", "/qr?text=https%3A%2F%2Fexample.com%2Fticket%2F" .. id .. "-" .. counter .. "&ecc=M")
end

function response(status, headers, body)
  count_status(status)
end

function done(summary, latency, requests)
  summarize(summary, latency)
end
