package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis(RedisTopology.CLUSTER)
class RedisDedupStoreClusterIT extends RedisDedupStoreIT {

    private final RedisClusterHandle cluster;

    RedisDedupStoreClusterIT(RedisClusterHandle cluster) {
        super(cluster);
        this.cluster = cluster;
    }

    @Override
    protected List<? extends RedisClusterCommands<String, String>> masters() {
        return cluster.masterCommands();
    }

    /** Each shard has a hash tag of its own, so Redis Cluster spreads the records over every master. */
    @Test
    void dedupRecordsSpreadOverEveryMaster() {
        List<DedupRequest> batch = IntStream.range(0, 300).mapToObj(i -> request("falco", "fp-" + i, WINDOW)).toList();
        store.record(batch);

        assertThat(cluster.keysPerMaster("zw:{s*}:dedup:falco:*")).hasSize(3).allMatch(count -> count > 50)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(300));
    }
}
