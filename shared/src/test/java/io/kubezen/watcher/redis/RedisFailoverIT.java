package io.kubezen.watcher.redis;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisSentinelHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A master killed under the same connector: once Sentinel or the Cluster has promoted its replica, the connector
 * finds the new master by itself (Sentinel: asked again on reconnect; Cluster: topology refreshed), and the same
 * store instance works again. What a failover may lose is not asked here.
 */
@WithRedis
class RedisFailoverIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration FAILOVER = Duration.ofSeconds(45);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();

    @Test
    void afterSentinelPromotedTheReplicaTheSameStoreWritesToIt(@DedicatedRedis RedisSentinelHandle redis) {
        DedupStore dedup = store(redis.options());
        assertThat(dedup.record(event(0)).firstOccurrence()).isTrue();

        redis.killMaster();

        awaitWorking(dedup, List.of(event(1)));
        assertThat(redis.sync().info("replication")).contains("role:master");
    }

    @Test
    void afterTheClusterPromotedAReplicaTheSameStoreWritesToEverySlot(@DedicatedRedis RedisClusterHandle cluster) {
        DedupStore dedup = store(cluster.options());
        List<DedupRequest> batch = IntStream.range(0, 100).mapToObj(RedisFailoverIT::event).toList();
        dedup.record(batch);

        cluster.killMaster();

        List<DedupRequest> next = IntStream.range(100, 200).mapToObj(RedisFailoverIT::event).toList();
        awaitWorking(dedup, next);
        assertThat(cluster.keysPerMaster("zw:{s*}:dedup:falco:*")).hasSize(3)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(100));
    }

    private DedupStore store(RedisConnectionOptions options) {
        return new RedisDedupStore(connectors.open(options.withCommandTimeout(COMMAND_TIMEOUT)), Clock.systemUTC(),
                DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    /** Until a whole batch goes through; the batches before fail fast as unavailable, never hang. */
    private static void awaitWorking(DedupStore dedup, List<DedupRequest> batch) {
        Await.until("the store writes to the promoted master", FAILOVER, () -> {
            try {
                dedup.record(batch);
                return true;
            } catch (StoreUnavailableException e) {
                return false;
            }
        });
    }

    private static DedupRequest event(int i) {
        return new DedupRequest("falco", "fp-" + i, Duration.ofMinutes(5));
    }
}
