package io.kubezen.watcher.ingester.scaleout;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class IngestersOnRedisSentinelIT extends IngestersOnRedisClusterIT {

    IngestersOnRedisSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
