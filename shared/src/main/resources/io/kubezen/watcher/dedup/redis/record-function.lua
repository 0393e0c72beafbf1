-- The dedup rules, defined once and put before each script that records an occurrence (record.lua here, admit.lua
-- in admission/redis), so that recording means the same in both. See DESIGN.md in the dedup package.
--
-- record(key, now, window, source, fingerprint, ends, lifetime, statusDue): key is the record's hash; now the time
-- in epoch ms, window its length in ms, ends now plus window, lifetime how long the key lives (the window plus two
-- status intervals), statusDue now plus one status interval. Returns {outcome, firstSeen ms, lastSeen ms, count, ms
-- left in the window, status due ms or '0'}; outcome 1 when this call created the record, 0 for a duplicate. A
-- record whose window has ended is moved into the previous* fields of its successor, where the writer's last status
-- update of it still finds its final count. Times travel as the caller's strings, never as Lua numbers, which would
-- lose digits when turned back into text. The window runs from the first occurrence, so an event that keeps
-- repeating is re-emitted once per window. A repeat schedules a status update when none is due yet: at most one per
-- record per interval. Records of earlier versions have no expiresAt and end with their key.
--
-- record() is read_record() then decide(); admit.lua calls the two itself, to look at what it read (starts_window)
-- before deciding.

-- The record's fields as starts_window() and decide() take them: one HMGET, false for each field it lacks.
local function read_record(key)
  return redis.call('HMGET', key, 'firstSeen', 'lastSeen', 'count', 'expiresAt', 'statusDue')
end

-- Whether an occurrence at now (ms) would be a first occurrence: there is no record, or its window has ended.
local function starts_window(fields, now)
  return not fields[1] or (fields[4] and tonumber(now) >= tonumber(fields[4])) or false
end

-- Records an occurrence in the record read_record() read: record()'s arguments after the key, and its reply.
local function decide(key, fields, now, window, source, fingerprint, ends, lifetime, statusDue)
  -- One read and one write per occurrence (and PEXPIRE for a new record): each redis.call costs more than its
  -- hash command, see DESIGN.md.
  local at = tonumber(now)
  local first, last, count, expires, due = fields[1], fields[2], fields[3], fields[4], fields[5]
  if expires and at >= tonumber(expires) then
    redis.call('DEL', key)
    redis.call('HSET', key, 'previousFirstSeen', first, 'previousLastSeen', last, 'previousCount', count)
    first = false
  end
  if not first then
    redis.call('HSET', key, 'firstSeen', now, 'lastSeen', now, 'count', 1, 'source', source,
      'fingerprint', fingerprint, 'expiresAt', ends)
    redis.call('PEXPIRE', key, lifetime)
    return {1, now, now, 1, tonumber(window), '0'}
  end
  count = (tonumber(count) or 0) + 1
  local changes = {'count', count}
  if at > tonumber(last) then
    last = now
    changes[3], changes[4] = 'lastSeen', now
  end
  local scheduled = '0'
  if not due or at >= tonumber(due) then
    scheduled = statusDue
    changes[#changes + 1], changes[#changes + 2] = 'statusDue', statusDue
  end
  redis.call('HSET', key, unpack(changes))
  local left
  if expires then
    left = tonumber(expires) - at
  else
    left = redis.call('PTTL', key)
  end
  return {0, first, last, count, left, scheduled}
end

local function record(key, now, window, source, fingerprint, ends, lifetime, statusDue)
  return decide(key, read_record(key), now, window, source, fingerprint, ends, lifetime, statusDue)
end
