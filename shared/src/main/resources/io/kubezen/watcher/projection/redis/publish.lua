-- Publishes one version of the projected configuration: KEYS[1] the hash; ARGV[1] the document, ARGV[2] the
-- change channel, ARGV[3] the document's schema, ARGV[4] on Cluster the shard channel of KEYS[1]'s slot, else
-- empty. One script, so a reader never sees a version without its document, and the notices go out only after
-- the write.
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'sources', ARGV[1], 'schema', ARGV[3])
redis.call('PUBLISH', ARGV[2], version)
if ARGV[4] ~= '' then
  -- pcall: a Cluster of Redis 6.2 has no SPUBLISH; its listeners fall back to ARGV[2].
  redis.pcall('SPUBLISH', ARGV[4], version)
end
return version
