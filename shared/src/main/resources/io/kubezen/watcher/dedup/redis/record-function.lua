-- The dedup rules, defined once and put before each script that records an occurrence (record.lua here, admit.lua
-- in admission/redis), so that recording means the same in both. See DESIGN.md in the dedup package.
--
-- A record is one string, read with one GET and written with one SET (DedupRecordLua reads it in Java):
--   firstSeen:windowEnds:lastSeen:statusDue:count[|previousFirstSeen:previousLastSeen:previousCount]
-- Times are epoch ms of exactly 13 digits (statusDue 0000000000000 while none is due), so they sit at fixed places
-- and compare as strings: no tonumber, whose strtod runs twice per value, and no time turned back into text; only the
-- count is a number, written back with format('%d'). A repeat keeps firstSeen:windowEnds: as it was, in one piece.
-- The previous* part is the record before, whose window had ended when this one began; the writer's last status
-- update of it still finds its final count there.
--
-- record(key, now, ends, lifetime, interval): now is the time in 13-digit epoch ms, ends now plus the window, lifetime
-- how long the key lives in ms (the window plus two status intervals), interval the status interval in ms. Returns the
-- record as it stored it, with '+' before it when this call scheduled a status update (due now plus the interval),
-- and true when this call created the record (false for a duplicate; a created record's count is 1, a duplicate's
-- more). The window runs from the first occurrence, so an event that keeps repeating is re-emitted once per window.
-- A repeat schedules a status update when none is due yet: at most one per record per interval.
--
-- record() is read_record() then decide(); admit.lua calls the two itself, to have an occurrence that would create
-- the record left undone (repeats_only), and record_new() for an occurrence its sender expects to create the record.

local sub, match, format = string.sub, string.match, string.format
local NO_STATUS_DUE = '0000000000000'

-- A record of the hash layout that versions before this one wrote, as the string it becomes; false without one.
local function carried_over(key, now)
  local f = redis.call('HMGET', key, 'firstSeen', 'lastSeen', 'count', 'expiresAt', 'statusDue', 'previousFirstSeen',
    'previousLastSeen', 'previousCount')
  if not f[1] then
    return false
  end
  -- Records older still have no expiresAt: their window ends with their key.
  local ends = f[4] or format('%013d', now + math.max(redis.call('PTTL', key), 0))
  local value = f[1] .. ':' .. ends .. ':' .. f[2] .. ':' .. (f[5] or NO_STATUS_DUE) .. ':' .. f[3]
  if f[6] then
    value = value .. '|' .. f[6] .. ':' .. f[7] .. ':' .. f[8]
  end
  return value
end

-- The record under key as decide() takes it: its string, or false when there is none. A hash (WRONGTYPE) is a record
-- of the layout before, read as the string it becomes; decide() then writes it as one, keeping its key's expiry.
local function read_record(key, now)
  local value = redis.pcall('GET', key)
  if type(value) == 'table' then
    if string.find(value.err, 'WRONGTYPE', 1, true) then
      return carried_over(key, now)
    end
    error(value)
  end
  return value
end

-- The record a first occurrence creates.
local function first_record(now, ends)
  return now .. ':' .. ends .. ':' .. now .. ':' .. NO_STATUS_DUE .. ':1'
end

-- Records an occurrence in the record read_record() read: record()'s arguments after the key, and its replies. With
-- repeats_only, an occurrence that would create the record (there is none, or its window has ended) touches nothing
-- and returns false.
local function decide(key, value, now, ends, lifetime, interval, repeats_only)
  -- One GET and one SET per occurrence: each redis.call costs more than its command, see DESIGN.md.
  if value and now < sub(value, 15, 27) then
    local count = match(value, '^%d+', 57)
    local last = sub(value, 29, 41)
    if now > last then
      last = now
    end
    local due = sub(value, 43, 55)
    local scheduled = now >= due
    if scheduled then
      due = format('%013d', now + interval)
    end
    local before = ''
    if #value > 56 + #count then
      before = sub(value, 57 + #count)
    end
    local stored = sub(value, 1, 28) .. last .. ':' .. due .. ':' .. format('%d', count + 1) .. before
    redis.call('SET', key, stored, 'KEEPTTL')
    if scheduled then
      return '+' .. stored, false
    end
    return stored, false
  end
  if repeats_only then
    return false, false
  end
  local stored = first_record(now, ends)
  if value then
    stored = stored .. '|' .. sub(value, 1, 13) .. sub(value, 28, 41) .. ':' .. match(value, '^%d+', 57)
  end
  redis.call('SET', key, stored, 'PX', lifetime)
  return stored, true
end

local function record(key, now, ends, lifetime, interval)
  return decide(key, read_record(key, now), now, ends, lifetime, interval, false)
end

-- Redis 7 takes SET with both NX and GET; 6.2, the oldest supported, refuses it and has no REDIS_VERSION_NUM.
local SET_NX_GET = (redis.REDIS_VERSION_NUM or 0) >= 0x070000

-- record() for an occurrence its sender expects to create the record, with the same replies. On Redis 7 one
-- SET NX GET creates the record when there is none, where read_record() and decide() would send a GET and a SET;
-- when there is one, it changes nothing and answers the record, in which decide() then records the occurrence.
local function record_new(key, now, ends, lifetime, interval)
  if not SET_NX_GET then
    return record(key, now, ends, lifetime, interval)
  end
  local stored = first_record(now, ends)
  local value = redis.pcall('SET', key, stored, 'NX', 'GET', 'PX', lifetime)
  if not value then
    return stored, true
  end
  if type(value) == 'table' then
    -- read_record()'s reading of a hash, written out again: one function that both call cost every repeat about 500
    -- instructions more (bench/redis-instructions.sh)
    if not string.find(value.err, 'WRONGTYPE', 1, true) then
      error(value)
    end
    value = carried_over(key, now)
  end
  return decide(key, value, now, ends, lifetime, interval, false)
end
