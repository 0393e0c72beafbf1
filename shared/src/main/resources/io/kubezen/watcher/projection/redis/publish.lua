-- Publishes one version of the projected configuration: KEYS[1] the hash; ARGV[1] the document, ARGV[2] the
-- change channel, ARGV[3] the document's schema. One script, so a reader never sees a version without its
-- document, and the notice goes out only after the write.
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'sources', ARGV[1], 'schema', ARGV[3])
redis.call('PUBLISH', ARGV[2], version)
return version
