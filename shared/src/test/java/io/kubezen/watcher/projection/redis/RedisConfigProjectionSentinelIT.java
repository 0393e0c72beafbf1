package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisConfigProjectionSentinelIT extends RedisConfigProjectionIT {

    RedisConfigProjectionSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
