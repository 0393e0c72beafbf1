package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Admission over Redis, waited for without a blocked thread as the receive path does. */
@WithRedis
class AdmissionRedisIT {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(Fixtures.NOW);

    AdmissionRedisIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @Test
    void firstOccurrencesAreInTheQueueWhenTheStageCompletes() throws Exception {
        RedisConnector connector = connectors.open(redis);
        Admission admission = new Admission(new RedisAdmissionStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL,
                100, ReplicaAcks.NONE), new InMemoryDedupWindows(), clock);
        List<IngestedEvent> events = events("plain", "caf\u00e9 \u2603 \ud83d\ude00", "plain");

        Admitted admitted = admission.admitAsync("hook", events).toCompletableFuture().get();

        assertThat(admitted.queued()).hasSize(2);
        assertThat(admitted.duplicates()).isEqualTo(1);
        try (ShardedEventQueue queue = RedisEventQueue.sharded(connector, 1_000)) {
            queue.ensureGroup(EventQueue.DEFAULT_GROUP);
            // The two events land in one shard or two; a read takes one shard's entries.
            List<QueueItem> read = new ArrayList<>();
            List<QueueEntry> entries;
            while (!(entries = queue.read(EventQueue.DEFAULT_GROUP, "writer-1", 10, Duration.ZERO)).isEmpty()) {
                entries.forEach(entry -> read.add(entry.item()));
            }
            assertThat(read).hasSize(3).containsAll(admitted.queued())
                    .filteredOn(StatusHint.class::isInstance).as("the repeat schedules its record's status update")
                    .hasSize(1);
        }
    }

    /** Webhook events whose only content is {@code id}, deduplicated with the default settings. */
    private static List<IngestedEvent> events(String... ids) throws Exception {
        IngestPipeline pipeline = Fixtures.pipeline(Fixtures.definition(
                "{name: hook, type: webhook, mapping: {details: {id: $.id}}, dedup: {}}"));
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\"}");
        }
        return pipeline.process(Payload.json(body.append(']').toString().getBytes(StandardCharsets.UTF_8))).accepted();
    }
}
