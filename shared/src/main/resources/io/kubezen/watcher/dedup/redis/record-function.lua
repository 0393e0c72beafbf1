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
local function record(key, now, window, source, fingerprint, ends, lifetime, statusDue)
  local at = tonumber(now)
  local expires = redis.call('HGET', key, 'expiresAt')
  if expires and at >= tonumber(expires) then
    local old = redis.call('HMGET', key, 'firstSeen', 'lastSeen', 'count')
    redis.call('DEL', key)
    redis.call('HSET', key, 'previousFirstSeen', old[1], 'previousLastSeen', old[2], 'previousCount', old[3])
  end
  if redis.call('HSETNX', key, 'firstSeen', now) == 1 then
    redis.call('HSET', key, 'lastSeen', now, 'count', 1, 'source', source, 'fingerprint', fingerprint,
      'expiresAt', ends)
    redis.call('PEXPIRE', key, lifetime)
    return {1, now, now, 1, tonumber(window), '0'}
  end
  local count = redis.call('HINCRBY', key, 'count', 1)
  local last = redis.call('HGET', key, 'lastSeen')
  if at > tonumber(last) then
    redis.call('HSET', key, 'lastSeen', now)
    last = now
  end
  local due = redis.call('HGET', key, 'statusDue')
  local scheduled = '0'
  if not due or at >= tonumber(due) then
    redis.call('HSET', key, 'statusDue', statusDue)
    scheduled = statusDue
  end
  local left
  expires = redis.call('HGET', key, 'expiresAt')
  if expires then
    left = tonumber(expires) - at
  else
    left = redis.call('PTTL', key)
  end
  return {0, redis.call('HGET', key, 'firstSeen'), last, count, left, scheduled}
end
