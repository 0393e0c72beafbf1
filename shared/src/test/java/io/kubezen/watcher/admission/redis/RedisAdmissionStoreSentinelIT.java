package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

@WithRedis(RedisTopology.SENTINEL)
class RedisAdmissionStoreSentinelIT extends RedisAdmissionStoreIT {

    RedisAdmissionStoreSentinelIT(RedisDeployment redis) {
        super(redis);
    }
}
