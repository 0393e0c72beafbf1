-- KEYS[1] stream; ARGV group, consumer, min idle ms, start cursor, count. One XAUTOCLAIM page, with each claimed
-- entry's delivery count read from the pending list in the same atomic step:
-- {cursor, {id, deliveries, {field, value, ...}}, ...}. Redis 6.2 answers nil for an entry deleted while
-- pending; it has no fields to deliver and is skipped.
local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local reply = {claimed[1]}
for _, entry in ipairs(claimed[2]) do
  if entry then
    local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
    reply[#reply + 1] = {entry[1], pending[1][4], entry[2]}
  end
end
return reply
