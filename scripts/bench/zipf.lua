-- wrk script: requests paths drawn from a Zipf distribution over the lines of BENCH_PATHS_FILE
-- (rank 1 the most requested), exponent BENCH_ZIPF_S; prints one JSON line of results when done.
local paths, cumulative = {}, {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS_FILE")) do paths[#paths + 1] = line end
  local s, total = tonumber(os.getenv("BENCH_ZIPF_S") or "1.0"), 0
  for rank = 1, #paths do
    total = total + 1 / rank ^ s
    cumulative[rank] = total
  end
  for rank = 1, #paths do cumulative[rank] = cumulative[rank] / total end
  math.randomseed(os.time() * 1000 + (id or 0))
end

-- Optional think time per connection (BENCH_DELAY_MS): a load below saturation, at the same connection count.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

function request()
  local r, low, high = math.random(), 1, #paths
  while low < high do
    local mid = math.floor((low + high) / 2)
    if cumulative[mid] < r then low = mid + 1 else high = mid end
  end
  return wrk.format("GET", paths[low])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
