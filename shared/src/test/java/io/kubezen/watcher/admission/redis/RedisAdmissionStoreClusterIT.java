package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis(RedisTopology.CLUSTER)
class RedisAdmissionStoreClusterIT extends RedisAdmissionStoreIT {

    private final RedisClusterHandle cluster;

    RedisAdmissionStoreClusterIT(RedisClusterHandle cluster) {
        super(cluster);
        this.cluster = cluster;
    }

    @Override
    protected List<? extends RedisClusterCommands<String, String>> masters() {
        return cluster.masterCommands();
    }

    /**
     * Each shard has a hash tag of its own, and the eight default tags fall on all three masters: the queue and the
     * records are spread over the Cluster, where a single stream would load one master with all of it.
     */
    @Test
    void recordsAndStreamsLandOnEveryMasterOfAThreeMasterCluster() {
        List<AdmissionRequest> batch = IntStream.range(0, 300).mapToObj(i -> request("fp-" + i, WINDOW)).toList();

        List<DedupResult> results = createStore(clock, 1_000).admitAsync(batch).toCompletableFuture().join();

        assertThat(results).allMatch(DedupResult::firstOccurrence);
        assertThat(cluster.keysPerMaster("zw:{s*}:dedup:falco:*")).hasSize(3).allMatch(count -> count > 30)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(300));
        assertThat(cluster.keysPerMaster("zw:{s*}:observations")).hasSize(3).allMatch(count -> count >= 2)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(8));
    }
}
