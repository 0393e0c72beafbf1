package io.kubezen.watcher.ingester.limit.redis;

import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisRateLimiterSentinelIT extends RedisRateLimiterIT {
}
