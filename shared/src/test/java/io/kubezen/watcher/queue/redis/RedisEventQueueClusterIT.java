package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.CLUSTER)
class RedisEventQueueClusterIT extends RedisEventQueueIT {

    RedisEventQueueClusterIT(RedisDeployment redis) {
        super(redis);
    }
}
