-- wrk script for medoc's load test: rotates over the request paths given in MEDOC_PATHS (comma-separated; the URL's
-- own path when unset), counts answers that are not 2xx in every thread, and prints the latency percentiles and the
-- error counts in one line each at the end (wrk's own --latency table gives other percentiles, not p95).
local paths = {}
for p in string.gmatch(os.getenv("MEDOC_PATHS") or "", "[^,]+") do
  paths[#paths + 1] = p
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local counter = 0
local non2xx = 0
function init(args)
  counter = id or 0
end

function request()
  if #paths == 0 then
    return wrk.format("GET")
  end
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s (%.0f/s), %.1f MB read\n", summary.requests, seconds,
      summary.requests / seconds, summary.bytes / 1e6))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
      bad, e.connect, e.read, e.write, e.timeout))
end
