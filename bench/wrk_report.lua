-- wrk script for bench/load.sh: the paths to request and one summary line to parse.
--
--   WRK_PATHS="/en/a/ /en/b/" WRK_HX=1 wrk -s bench/wrk_report.lua http://127.0.0.1:58010
--
-- WRK_PATHS: space-separated paths, requested in turn (default: the URL's own path);
-- WRK_HX=1 adds `HX-Request: true` (an htmx fragment). Requests are formatted once, in
-- init(), so cycling through paths costs wrk nearly nothing. done() prints
--   RESULT requests=... rps=... p50_ms=... p99_ms=... connect=... read=... write=...
--          timeout=... status=...
-- where status counts responses with a status of 400 or more (wrk's own count; wrk
-- reports no 1xx), and connect/read/write/timeout are socket errors.

local requests = {}
local n = 0

function init(args)
  local headers = {}
  if os.getenv("WRK_HX") == "1" then
    headers["HX-Request"] = "true"
  end
  local paths = os.getenv("WRK_PATHS") or ""
  for path in paths:gmatch("%S+") do
    table.insert(requests, wrk.format("GET", path, headers))
  end
  if #requests == 0 then
    table.insert(requests, wrk.format("GET", nil, headers))
  end
end

function request()
  n = n % #requests + 1
  return requests[n]
end

function done(summary, latency, requests_)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
end
