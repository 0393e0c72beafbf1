package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admission over the Redis stores, waited for without a blocked thread as the receive path does. */
@WithRedis
class AdmissionRedisIT {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final List<String> rollbacksFailed = new ArrayList<>();

    AdmissionRedisIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @Test
    void firstOccurrencesAreInTheStreamWhenTheStageCompletes() throws Exception {
        RedisConnector connector = connectors.open(redis);
        RedisEventQueue queue = new RedisEventQueue(connector, 100);
        queue.ensureGroup(EventQueue.DEFAULT_GROUP);
        Admission admission = admission(connector, queue);
        List<IngestedEvent> events = events("plain", "caf\u00e9 \u2603 \ud83d\ude00", "plain");

        AtomicInteger handedOver = new AtomicInteger();
        Executor batchExecutor = step -> {
            handedOver.incrementAndGet();
            ForkJoinPool.commonPool().execute(step);
        };

        Admitted admitted = admission.admitAsync("hook", events, batchExecutor).toCompletableFuture().get();

        assertThat(handedOver).as("a batch's entries are written on the executor").hasValue(1);
        assertThat(admitted.queued()).hasSize(2);
        assertThat(admitted.duplicates()).isEqualTo(1);
        List<QueueEntry> read = queue.read(EventQueue.DEFAULT_GROUP, "writer-1", 10, Duration.ZERO);
        assertThat(read).extracting(entry -> QueuedObservationCodec.decode(entry.fields())).hasSize(3)
                .startsWith(admitted.queued().toArray(QueueItem[]::new))
                .last().as("the repeat schedules its record's status update").isInstanceOf(StatusHint.class);
        queue.close();
    }

    @Test
    void aFullQueueRefusesTheBatchAndForgetsItsRecordsSoTheRetryIsQueued() throws Exception {
        RedisConnector connector = connectors.open(redis);
        RedisEventQueue full = new RedisEventQueue(connector, 1);
        List<IngestedEvent> events = events("a", "b");
        full.append(List.of(new QueuedObservation(events.get(0).observation(), "earlier", Fixtures.NOW)));

        assertThatThrownBy(() -> admission(connector, full).admitAsync("hook", events, Runnable::run).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(QueueFullException.class);
        for (IngestedEvent event : events) {
            assertThat(redis.sync().exists("zw:dedup:hook:" + event.fingerprint())).isZero();
        }
        assertThat(rollbacksFailed).isEmpty();

        Admitted retry = admission(connector, new RedisEventQueue(connector, 10)).admit("hook", events);
        assertThat(retry.queued()).hasSize(2);
        assertThat(retry.duplicates()).isZero();
    }

    private Admission admission(RedisConnector connector, EventQueue queue) {
        return new Admission(new RedisDedupStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL), new InMemoryDedupWindows(), queue, clock,
                rollbacksFailed::add);
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
