-- KEYS, per stream: the stream, then each event's record key, in order (also for an event without dedup, which has no
-- record: its key only names its source and fingerprint). ARGV[1] a stream's capacity, ARGV[2] the status interval in
-- ms, then per stream, in the order of KEYS, how many requests follow for it, and those requests, which
-- RedisAdmissionStore coalesced into this call: each as its REQUEST_HEAD (event count, now as 13-digit epoch ms and as
-- ISO-8601) and PER_EVENT arguments per event (end of window, '' for an event without dedup; key lifetime; namespace;
-- Observation). Each stream and its records share a hash tag; the streams of one call may differ, which only
-- standalone and Sentinel allow. Returns one answer per event, in the order of the arguments: 'FULL <length>' for each
-- event of a request when its stream could not take one entry per event of that request, which then touches nothing;
-- otherwise record()'s first reply (the record as stored, '+' before it when a status update was scheduled), '' for an
-- event without dedup, which is always queued, or 'SEND' (below). Requests are decided one after the other, as
-- separate calls would be. A first occurrence appends its observation to its stream, under the first-seen time now; a
-- repeat that schedules a status update appends the update, built here from the record because only here is it known.
-- Entries have the fields of QueuedObservationCodec; iso writes a time as Java's Instant.toString() does for one of
-- millisecond precision. read_record() and decide() are dedup/redis/record-function.lua, put before this script, with
-- its locals sub, match and format. Source and fingerprint are read from the key when an entry needs them, rather
-- than sent as arguments for every event: a repeat, most events, needs neither.
--
-- An event may come with an empty observation: its sender saw its record inside the window recently and expects a
-- repeat, which needs no observation. When that expectation is wrong (the record was deleted, evicted or its window
-- ended), the event is not touched and answers 'SEND': the sender sends it again with its observation, in a later
-- call that decides again. So that a request's events of one record are still decided in order, every later event of
-- that record in the same request answers 'SEND' too.
local function iso(ms)
  ms = tonumber(ms)
  local s = math.floor(ms / 1000)
  local days = math.floor(s / 86400)
  local secs = s - days * 86400
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local day = doy - math.floor((153 * mp + 2) / 5) + 1
  local month = mp < 10 and mp + 3 or mp - 9
  local year = yoe + era * 400
  if month <= 2 then year = year + 1 end
  local text = string.format('%04d-%02d-%02dT%02d:%02d:%02d', year, month, day, math.floor(secs / 3600),
    math.floor(secs % 3600 / 60), secs % 60)
  if ms > s * 1000 then
    text = text .. string.format('.%03d', ms - s * 1000)
  end
  return text .. 'Z'
end
local capacity, interval = tonumber(ARGV[1]), ARGV[2]
-- One flat list, not a table per request: Redis converts each table of a reply at a cost of its own.
local answers = {}
local a = 3
-- KEYS' index of the stream, then of the event before the request's first; answers' index of that event
local k, n = 1, 0
while a <= #ARGV do
  local stream, requests = KEYS[k], tonumber(ARGV[a])
  -- once per stream and call: its requests follow one another here
  local length = redis.call('XLEN', stream)
  a = a + 1
  for _ = 1, requests do
    local events, now, now_iso = tonumber(ARGV[a]), ARGV[a + 1], ARGV[a + 2]
    a = a + 3
    if length + events > capacity then
      local full = 'FULL ' .. length
      for i = 1, events do
        answers[n + i] = full
      end
    else
      -- The records of events sent back; a table only once one is, which is rare, as a table per request costs Redis.
      local deferred = false
      for i = 1, events do
        local key, e = KEYS[k + i], a + (i - 1) * 4
        local ends, observation = ARGV[e], ARGV[e + 3]
        local reply, created = '', true
        if ends ~= '' then
          if deferred and deferred[key] then
            reply, created = 'SEND', false
          else
            reply, created = decide(key, read_record(key, now), now, ends, ARGV[e + 1], interval, observation == '')
            if not reply then
              -- nothing was touched: the event comes back with its observation in a later call
              deferred = deferred or {}
              deferred[key] = true
              reply = 'SEND'
            end
          end
        end
        if created then
          local source, fingerprint = match(key, '}:dedup:([^:]*):(.*)')
          redis.call('XADD', stream, '*', 'observation', observation, 'source', source, 'fingerprint', fingerprint,
            'firstSeen', now_iso)
          length = length + 1
        elseif string.byte(reply) == 43 then
          -- '+': the record as stored follows, at places one further than in record-function.lua's layout
          local source, fingerprint = match(key, '}:dedup:([^:]*):(.*)')
          local hint = cjson.encode({namespace = ARGV[e + 2], dueAt = iso(sub(reply, 44, 56)),
            lastSeen = iso(sub(reply, 30, 42)), count = tonumber(match(reply, '^%d+', 58))})
          redis.call('XADD', stream, '*', 'status', hint, 'source', source, 'fingerprint', fingerprint,
            'firstSeen', iso(sub(reply, 2, 14)))
          length = length + 1
        end
        answers[n + i] = reply
      end
    end
    n = n + events
    k = k + events
    a = a + events * 4
  end
  k = k + 1
end
return answers
