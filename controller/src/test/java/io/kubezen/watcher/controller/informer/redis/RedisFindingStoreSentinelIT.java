package io.kubezen.watcher.controller.informer.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisFindingStoreSentinelIT extends RedisFindingStoreIT {

    RedisFindingStoreSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
