-- wrk script for bench/load_test.py: cycle through request paths, count every status but 200.
--
--     wrk -t2 -c50 -d60s --latency -s bench/wrk_paths.lua http://127.0.0.1:8000 -- paths.txt
--
-- paths.txt holds one request path a line (e.g. /api/search?q=toddler&postcode=SE13). wrk
-- itself counts only 4xx/5xx as errors; a redirect or an empty 204 must not pass as throughput,
-- so the response callback counts anything other than 200, and done() prints the totals and the
-- latency percentiles on one "wrk-paths:" line that load_test.py reads.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests = {}
local position = 0
ok_responses = 0
other_responses = 0
statuses = {}

function init(args)
  local file = assert(io.open(args[1], "r"), "wrk_paths.lua: cannot open the paths file")
  for line in file:lines() do
    local path = line:match("^%s*(.-)%s*$")
    if path ~= "" and path:sub(1, 1) ~= "#" then
      -- Formatted once here, so the request callback costs the client almost nothing.
      table.insert(requests, wrk.format("GET", path))
    end
  end
  file:close()
  assert(#requests > 0, "wrk_paths.lua: the paths file has no paths")
  -- Threads start at different places in the list, so they do not send the same search at once.
  position = (id * math.floor(#requests / 2)) % #requests
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  if status == 200 then
    ok_responses = ok_responses + 1
  else
    other_responses = other_responses + 1
    local key = tostring(status)
    statuses[key] = (statuses[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local ok, other, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("ok_responses")
    other = other + thread:get("other_responses")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local listed = {}
  for status, count in pairs(by_status) do
    table.insert(listed, status .. ":" .. count)
  end
  table.sort(listed)
  local errors = summary.errors
  io.write(string.format(
    "wrk-paths: requests=%d duration_us=%d ok=%d non200=%d connect=%d read=%d write=%d "
      .. "timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d statuses=%s\n",
    summary.requests, summary.duration, ok, other, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, table.concat(listed, ",")
  ))
end
