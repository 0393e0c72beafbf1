package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.CLUSTER)
class RedisDedupWindowsClusterIT extends RedisDedupWindowsIT {

    RedisDedupWindowsClusterIT(RedisDeployment redis) {
        super(redis);
    }
}
