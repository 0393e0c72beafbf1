-- KEYS[1] stream; ARGV[1] group, then ids. Acknowledges and deletes, so the stream holds only unfinished work.
local acked = redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
redis.call('XDEL', KEYS[1], unpack(ARGV, 2))
return acked
