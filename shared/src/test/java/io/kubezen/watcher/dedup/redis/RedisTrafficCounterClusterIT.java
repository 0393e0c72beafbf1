package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.CLUSTER)
class RedisTrafficCounterClusterIT extends RedisTrafficCounterIT {

    RedisTrafficCounterClusterIT(RedisDeployment redis) {
        super(redis);
    }
}
