package io.kubezen.watcher.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisConnectionSentinelIT extends RedisConnectionIT {

    RedisConnectionSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
