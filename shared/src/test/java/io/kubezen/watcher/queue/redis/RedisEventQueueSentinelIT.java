package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisEventQueueSentinelIT extends RedisEventQueueIT {

    RedisEventQueueSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
