-- For redis-benchmark only (the redis-ceiling scenario): the same commands as the RECORD script of
-- shared/.../dedup/redis/RedisDedupStore.java, which keeps its text private. Keep the two alike.
-- KEYS[1] record; ARGV now (epoch ms), window (ms), source, fingerprint.
if redis.call('HSETNX', KEYS[1], 'firstSeen', ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1], 'count', 1, 'source', ARGV[3], 'fingerprint', ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, ARGV[1], ARGV[1], 1, tonumber(ARGV[2])}
end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local last = redis.call('HGET', KEYS[1], 'lastSeen')
if tonumber(ARGV[1]) > tonumber(last) then
  redis.call('HSET', KEYS[1], 'lastSeen', ARGV[1])
  last = ARGV[1]
end
return {0, redis.call('HGET', KEYS[1], 'firstSeen'), last, count, redis.call('PTTL', KEYS[1])}
