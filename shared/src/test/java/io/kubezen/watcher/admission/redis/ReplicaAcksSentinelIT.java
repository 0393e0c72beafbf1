package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.admission.ReplicasNotReachedException;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Sentinel group's master has one replica: waiting for one passes, waiting for two cannot. */
@WithRedis(RedisTopology.SENTINEL)
class ReplicaAcksSentinelIT {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    protected final RedisDeployment redis;

    ReplicaAcksSentinelIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Test
    void aBatchIsAdmittedOnceAsManyReplicasAsAskedHoldIt() {
        List<DedupResult> results = admit(store(new ReplicaAcks(1, Duration.ofSeconds(2))), batch("fp", 50));

        assertThat(results).hasSize(50).allMatch(DedupResult::firstOccurrence);
    }

    @Test
    void moreReplicasThanThereAreRefusesTheBatchWithinTheTimeoutAndTheRetryFindsItDuplicates() {
        AdmissionStore tooMany = store(new ReplicaAcks(2, Duration.ofMillis(300)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> admit(tooMany, batch("fp", 5))).isInstanceOf(ReplicasNotReachedException.class)
                .hasMessageContaining("1 of 2");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the wait ends with its timeout").isLessThan(Duration.ofSeconds(10));
        assertThat(admit(store(ReplicaAcks.NONE), batch("fp", 5))).noneMatch(DedupResult::firstOccurrence);
    }

    protected AdmissionStore store(ReplicaAcks acks) {
        return new RedisAdmissionStore(connectors.open(redis), Clock.systemUTC(), DedupStore.DEFAULT_STATUS_INTERVAL,
                10_000, acks);
    }

    private static List<DedupResult> admit(AdmissionStore store, List<AdmissionRequest> batch) {
        return RedisCalls.await(store.admitAsync(batch), "admit");
    }

    /** Events spread over every shard, so the wait covers every master that holds one. */
    private static List<AdmissionRequest> batch(String prefix, int events) {
        return IntStream.range(0, events).mapToObj(i -> {
            ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "runtime-threat",
                    new ResourceRef("v1", "Pod", "web-" + i, "shop"), "Shell in container", "A shell was spawned",
                    Map.of(), Instant.parse("2025-01-01T00:00:00Z"), prefix + "-" + i, 86_400L);
            return new AdmissionRequest("falco", prefix + "-" + i,
                    new Observation("shop", Map.of("zen.kube-zen.io/source", "falco"), spec), WINDOW);
        }).toList();
    }
}
