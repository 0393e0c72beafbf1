package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

/** The admission script's Redis 6.2 path, which decides a first occurrence with a GET and a SET, against Redis 6.2. */
@WithRedis(RedisTopology.REDIS_6_2)
class RedisAdmissionStoreRedis62IT extends RedisAdmissionStoreIT {

    RedisAdmissionStoreRedis62IT(RedisDeployment redis) {
        super(redis);
    }
}
