-- KEYS[1] the shard's stream, then the records of the events that deduplicate, in order; ARGV as HEAD and PER_EVENT
-- in RedisAdmissionStore say. Refuses the whole call with {'FULL', length} when the stream could not take one entry
-- per event; otherwise returns one record() reply per event (made up for an event without dedup, which is
-- always queued). A first occurrence appends its observation, under the first-seen time now; a repeat that
-- schedules a status update appends the update, built here from the record because only here is it known. Entries
-- have the fields of QueuedObservationCodec; iso writes a time as Java's Instant.toString() does for one of
-- millisecond precision. record() is dedup/redis/record-function.lua, put before this script.
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
local events = (#ARGV - 5) / 7
local length = redis.call('XLEN', KEYS[1])
if length + events > tonumber(ARGV[1]) then
  return {'FULL', tostring(length)}
end
local replies = {}
local record_key = 1
for i = 0, events - 1 do
  local a = 6 + i * 7
  local source, fingerprint = ARGV[a + 1], ARGV[a + 2]
  local reply
  if ARGV[a] == '' then
    reply = {1, ARGV[2], ARGV[2], 1, 0, '0'}
  else
    record_key = record_key + 1
    reply = record(KEYS[record_key], ARGV[2], ARGV[a], source, fingerprint, ARGV[a + 3], ARGV[a + 4], ARGV[4])
  end
  if reply[1] == 1 then
    redis.call('XADD', KEYS[1], '*', 'observation', ARGV[a + 6], 'source', source,
      'fingerprint', fingerprint, 'firstSeen', ARGV[3])
  elseif reply[6] ~= '0' then
    local hint = cjson.encode({namespace = ARGV[a + 5], dueAt = ARGV[5], lastSeen = iso(reply[3]),
      count = reply[4]})
    redis.call('XADD', KEYS[1], '*', 'status', hint, 'source', source, 'fingerprint', fingerprint,
      'firstSeen', iso(reply[2]))
  end
  replies[i + 1] = reply
end
return replies
