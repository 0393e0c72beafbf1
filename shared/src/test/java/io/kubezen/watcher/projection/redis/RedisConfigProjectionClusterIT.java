package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

import java.time.Duration;

@WithRedis(RedisTopology.CLUSTER)
class RedisConfigProjectionClusterIT extends RedisConfigProjectionIT {

    RedisConfigProjectionClusterIT(RedisDeployment redis) {
        super(redis);
    }

    /**
     * A PUBLISH reaches a subscriber on another node over the cluster bus, which on a loaded two-core CI machine
     * running six Redis nodes beside the build was seen to take more than five seconds.
     */
    @Override
    protected Duration noticeWait() {
        return Duration.ofSeconds(30);
    }
}
