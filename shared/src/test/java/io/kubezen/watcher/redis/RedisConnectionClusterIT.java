package io.kubezen.watcher.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.CLUSTER)
class RedisConnectionClusterIT extends RedisConnectionIT {

    RedisConnectionClusterIT(RedisDeployment redis) {
        super(redis);
    }
}
