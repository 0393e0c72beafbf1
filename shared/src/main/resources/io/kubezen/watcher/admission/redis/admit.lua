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
-- millisecond precision. read_record(), decide() and record_new() are dedup/redis/record-function.lua, put before this
-- script, with its locals sub, match and format. An event sent with its observation is expected to be new, so
-- record_new() decides it; one sent without is expected to be a repeat. Source and fingerprint are read from the key
-- when an entry needs them, rather than sent as arguments for every event: a repeat, most events, needs neither.
--
-- An event may come with an empty observation: its sender saw its record inside the window recently and expects a
-- repeat, which needs no observation. When that expectation is wrong (the record was deleted, evicted or its window
-- ended), the event is not touched and answers 'SEND': the sender sends it again with its observation, in a later
-- call that decides again. So that a request's events of one record are still decided in order, every later event of
-- that record in the same request answers 'SEND' too.
-- A 13-digit epoch ms string as Java's Instant.toString() writes it, and the day it falls on, as days since the epoch
-- and as text ('YYYY-MM-DDT'). day and date are those of the time iso() wrote before in this call, or false: the
-- times of one call, a status update's due and first-seen times among them, mostly fall on one day, and the date is
-- half of what iso() costs. Arithmetic converts the string once (tonumber would parse it twice), the digits come from
-- string.char rather than string.format, which runs sprintf for each field, and the milliseconds are the string's
-- last three digits. One function whose cache goes in and out as arguments: a second closure and upvalues for the
-- cache cost every call of the script about 3,500 instructions, whether it writes a time or not.
local function iso(ms, day, date)
  local s = sub(ms, 1, 10) + 0
  local secs = s % 86400
  local days = (s - secs) / 86400
  if days ~= day then
    -- year, month and day (Howard Hinnant's civil_from_days)
    local z = days + 719468
    local doe = z % 146097
    local era = (z - doe) / 146097
    local yoe = doe - (doe - doe % 1460) / 1460 + (doe - doe % 36524) / 36524 - (doe - doe % 146096) / 146096
    yoe = (yoe - yoe % 365) / 365
    local doy = doe - (365 * yoe + (yoe - yoe % 4) / 4 - (yoe - yoe % 100) / 100)
    local mp = (5 * doy + 2 - (5 * doy + 2) % 153) / 153
    local d = doy - (153 * mp + 2 - (153 * mp + 2) % 5) / 5 + 1
    local month = mp < 10 and mp + 3 or mp - 9
    local year = yoe + era * 400
    if month <= 2 then year = year + 1 end
    date = string.char(48 + (year - year % 1000) / 1000, 48 + (year - year % 100) / 100 % 10,
      48 + (year - year % 10) / 10 % 10, 48 + year % 10, 45, 48 + (month - month % 10) / 10, 48 + month % 10, 45,
      48 + (d - d % 10) / 10, 48 + d % 10, 84)
  end
  local sec = secs % 60
  local min = (secs - sec) / 60 % 60
  local hour = (secs - secs % 3600) / 3600
  local text = date .. string.char(48 + (hour - hour % 10) / 10, 48 + hour % 10, 58, 48 + (min - min % 10) / 10,
    48 + min % 10, 58, 48 + (sec - sec % 10) / 10, 48 + sec % 10)
  local millis = sub(ms, 11, 13)
  if millis == '000' then
    return text .. 'Z', days, date
  end
  return text .. '.' .. millis .. 'Z', days, date
end
local capacity, interval = tonumber(ARGV[1]), ARGV[2]
-- One flat list, not a table per request: Redis converts each table of a reply at a cost of its own.
local answers = {}
local a = 3
-- The due time of the last status update appended, as epoch ms and as ISO-8601 (requests of one call often share
-- now), and the day iso() wrote last.
local due_ms, due_iso, day, date = false, false, false, false
-- KEYS' index of the stream, then of the event before the request's first; answers' index of that event
local k, n = 1, 0
while a <= #ARGV do
  local stream, requests = KEYS[k], tonumber(ARGV[a])
  -- once per stream and call: its requests follow one another here
  local length = redis.call('XLEN', stream)
  a = a + 1
  for _ = 1, requests do
    local events, now, now_iso = tonumber(ARGV[a]), ARGV[a + 1], ARGV[a + 2]
    if not events or events < 1 then
      -- a count below 1 would step the loop back over arguments it has read, with Redis busy until the time-out
      return redis.error_reply('ERR admit.lua: the event count at argument ' .. a .. ' is not a positive number')
    end
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
          -- '+': the record as stored follows, at places one further than in record-function.lua's layout. The JSON is
          -- joined as text (the namespace comes escaped for it); a time that is now is now's text from the request
          -- head, and a due time like the last one appended in this call is not written again.
          local source, fingerprint = match(key, '}:dedup:([^:]*):(.*)')
          local due, last = sub(reply, 44, 56), sub(reply, 30, 42)
          if due ~= due_ms then
            due_ms = due
            due_iso, day, date = iso(due, day, date)
          end
          if last == now then
            last = now_iso
          else
            last, day, date = iso(last, day, date)
          end
          local first
          first, day, date = iso(sub(reply, 2, 14), day, date)
          redis.call('XADD', stream, '*', 'status', '{"namespace":"' .. ARGV[e + 2] .. '","dueAt":"' .. due_iso
            .. '","lastSeen":"' .. last .. '","count":' .. match(reply, '^%d+', 58) .. '}', 'source', source,
            'fingerprint', fingerprint, 'firstSeen', first)
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
