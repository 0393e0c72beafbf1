package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;

/** Every master of the Cluster has one replica: the wait goes to each master the batch wrote to. */
@WithRedis(RedisTopology.CLUSTER)
class ReplicaAcksClusterIT extends ReplicaAcksSentinelIT {

    ReplicaAcksClusterIT(RedisClusterHandle cluster) {
        super(cluster);
    }
}
