package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

@WithRedis(RedisTopology.CLUSTER)
class RedisDedupStoreClusterIT extends RedisDedupStoreIT {

    private final RedisClusterHandle cluster;

    RedisDedupStoreClusterIT(RedisClusterHandle cluster) {
        super(cluster);
        this.cluster = cluster;
    }

    /**
     * Dedup records carry no hash tag, so Redis Cluster spreads them over every master. The stream does carry one
     * ({@code {stream}}), so the whole queue lives on a single master: this is what a partitioned queue must change.
     */
    @Test
    void dedupRecordsSpreadOverEveryMasterWhileTheStreamSitsOnOne() {
        List<DedupRequest> batch = IntStream.range(0, 300).mapToObj(i -> request("falco", "fp-" + i, WINDOW)).toList();
        store.record(batch);
        try (RedisEventQueue queue = new RedisEventQueue(connectors.open(cluster), RedisEventQueue.DEFAULT_CAPACITY)) {
            queue.ensureGroup(EventQueue.DEFAULT_GROUP);
            queue.append(entries("falco", 10));
        }

        assertThat(cluster.keysPerMaster("zw:dedup:falco:*")).hasSize(3).allMatch(count -> count > 50)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(300));
        assertThat(cluster.keysPerMaster("zw:{stream}:*")).containsExactlyInAnyOrder(0L, 0L, 1L);
    }
}
