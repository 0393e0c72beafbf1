-- Builds each request's body from an event template, half of the events new and half repeats of
-- recent ones, so that the receiver's dedup decides both ways at a steady ratio however long the run.
-- The same rule, and its reasons, are in EventMix.java, which the fixed-rate generator uses.
--
-- wrk -s bench/wrk/events.lua URL -- TEMPLATE EVENTS_PER_REQUEST WORKING_SET_PER_THREAD NONCE [ENVELOPE]
--   TEMPLATE      one event as JSON; each {{id}} (in a fingerprint field) is replaced by the event's id
--   ENVELOPE      wraps a batch; {{events}} is replaced by the comma-separated events
--   NONCE         makes ids unique across runs that share one Redis
-- At the end it prints one line "wrk-result {json}" that the harness reads.

local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
end

local pieces, envelope_head, envelope_tail
local per_request, working_set, id_prefix
local built, fresh = 0, 0

local function split(text, marker)
  local parts, from = {}, 1
  while true do
    local at, to = string.find(text, marker, from, true)
    if not at then
      parts[#parts + 1] = string.sub(text, from)
      return parts
    end
    parts[#parts + 1] = string.sub(text, from, at - 1)
    from = to + 1
  end
end

local function read(path)
  local file = assert(io.open(path, "rb"), "cannot read " .. path)
  local text = file:read("*a"):gsub("%s+$", "")
  file:close()
  return text
end

function init(args)
  pieces = split(read(args[1]), "{{id}}")
  per_request = tonumber(args[2])
  working_set = tonumber(args[3])
  id_prefix = args[4] .. "-" .. thread_number .. "-"
  local envelope = args[5] and split(read(args[5]), "{{events}}") or { "", "" }
  envelope_head, envelope_tail = envelope[1], envelope[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- Odd events are new; even ones repeat one of the last WORKING_SET new ones of this thread.
local function next_event()
  built = built + 1
  local n
  if built % 2 == 1 then
    fresh = fresh + 1
    n = fresh
  else
    n = fresh - math.random(0, math.min(fresh, working_set) - 1)
  end
  return table.concat(pieces, id_prefix .. n)
end

function request()
  local events = {}
  for i = 1, per_request do
    events[i] = next_event()
  end
  return wrk.format(nil, nil, nil, envelope_head .. table.concat(events, ",") .. envelope_tail)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'wrk-result {"requests":%d,"durationMicros":%d,"bytes":%d,"non2xx":%d,"socketErrors":%d,'
      .. '"p50Micros":%d,"p99Micros":%d,"maxMicros":%d}\n',
    summary.requests, summary.duration, summary.bytes, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
