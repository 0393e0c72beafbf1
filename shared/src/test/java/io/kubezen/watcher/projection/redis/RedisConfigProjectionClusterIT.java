package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.CLUSTER)
class RedisConfigProjectionClusterIT extends RedisConfigProjectionIT {

    RedisConfigProjectionClusterIT(RedisDeployment redis) {
        super(redis);
    }
}
