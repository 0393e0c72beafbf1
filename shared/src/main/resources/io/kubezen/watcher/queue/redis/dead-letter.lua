-- KEYS[1] stream, KEYS[2] dead letters; ARGV[1] group, ARGV[2] id, ARGV[3] '1' to acknowledge and delete the entry,
-- '0' to leave it pending (a status stream entry of which other updates are not done yet), then the dead letter's
-- field/value pairs. Returns 0 without changing anything when the entry is not pending. The XADD comes first on
-- purpose: Redis does not undo the writes of a script that fails, so if the dead letter cannot be written the script
-- stops before the ack and the entry stays pending.
if #redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1) == 0 then
  return 0
end
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 4))
if ARGV[3] == '1' then
  redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
  redis.call('XDEL', KEYS[1], ARGV[2])
end
return 1
