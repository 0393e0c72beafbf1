-- KEYS, per stream: the stream, its status stream, then each event's record key, in order (also for an event without
-- dedup, which has no record: its key only names its source and fingerprint). ARGV[1] a stream's capacity, ARGV[2] the
-- status interval in ms, then per stream, in the order of KEYS, how many requests follow for it, and those requests,
-- which RedisAdmissionStore coalesced into this call: each as its REQUEST_HEAD (event count, now as 13-digit epoch ms
-- and as ISO-8601) and PER_EVENT arguments per event (end of window, '' for an event without dedup; key lifetime;
-- namespace; Observation). Each stream, its status stream and its records share a hash tag; the streams of one call
-- may differ, which only standalone and Sentinel allow. Returns one answer per event, in the order of the arguments:
-- 'FULL <length>' for each event of a request when its stream could not take one entry per event of that request, or
-- its status stream is full, which then touches nothing; otherwise record()'s first reply (the record as stored, '+'
-- before it when a status update was scheduled), '' for an event without dedup, which is always queued, or 'SEND'
-- (below). Requests are decided one after the other, as separate calls would be. A first occurrence appends its
-- observation to its stream, under the first-seen time now, with the fields of QueuedObservationCodec. The status
-- updates that repeats schedule go into one entry of the status stream per stream and call (StatusUpdates reads it):
-- an entry each cost Redis about as much as a first occurrence, mostly the XADD and its AOF record, whatever it held.
-- read_record(), decide() and record_new() are dedup/redis/record-function.lua, put before this script, with its
-- locals sub, match and format. An event sent with its observation is expected to be new, so record_new() decides
-- it; one sent without is expected to be a repeat. Source and fingerprint are read from the key when an entry needs
-- them, rather than sent as arguments for every event: a repeat, most events, needs neither.
--
-- An event may come with an empty observation: its sender saw its record inside the window recently and expects a
-- repeat, which needs no observation. When that expectation is wrong (the record was deleted, evicted or its window
-- ended), the event is not touched and answers 'SEND': the sender sends it again with its observation, in a later
-- call that decides again. So that a request's events of one record are still decided in order, every later event of
-- that record in the same request answers 'SEND' too.
local capacity, interval = tonumber(ARGV[1]), ARGV[2]
-- One flat list, not a table per request: Redis converts each table of a reply at a cost of its own.
local answers = {}
local a = 3
-- KEYS' index of the stream, then of the event before the request's first; answers' index of that event
local k, n = 1, 0
while a <= #ARGV do
  local stream, status_stream, requests = KEYS[k], KEYS[k + 1], tonumber(ARGV[a])
  -- once per stream and call: its requests follow one another here
  local length = redis.call('XLEN', stream)
  local statuses_full = redis.call('XLEN', status_stream) >= capacity
  -- the status updates of this stream's requests, six lines each: first seen, last seen and due as the record's
  -- 13-digit epoch ms, its count, the namespace (JSON-escaped, so without a line break) and the record key
  local statuses = false
  k = k + 1
  a = a + 1
  for _ = 1, requests do
    local events, now, now_iso = tonumber(ARGV[a]), ARGV[a + 1], ARGV[a + 2]
    if not events or events < 1 then
      -- a count below 1 would step the loop back over arguments it has read, with Redis busy until the time-out
      return redis.error_reply('ERR admit.lua: the event count at argument ' .. a .. ' is not a positive number')
    end
    a = a + 3
    if statuses_full or length + events > capacity then
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
            if observation == '' then
              reply, created = decide(key, read_record(key, now), now, ends, ARGV[e + 1], interval, true)
            else
              reply, created = record_new(key, now, ends, ARGV[e + 1], interval)
            end
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
          statuses = statuses or {}
          local m = #statuses
          statuses[m + 1] = sub(reply, 2, 14)
          statuses[m + 2] = sub(reply, 30, 42)
          statuses[m + 3] = sub(reply, 44, 56)
          statuses[m + 4] = match(reply, '^%d+', 58)
          statuses[m + 5] = ARGV[e + 2]
          statuses[m + 6] = key
        end
        answers[n + i] = reply
      end
    end
    n = n + events
    k = k + events
    a = a + events * 4
  end
  if statuses then
    redis.call('XADD', status_stream, '*', 'statuses', table.concat(statuses, '\n'))
  end
  k = k + 1
end
return answers
