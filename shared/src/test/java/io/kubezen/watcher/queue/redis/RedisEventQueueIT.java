package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.EventQueueContract;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisEventQueueIT extends EventQueueContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final List<RedisEventQueue> created = new ArrayList<>();

    RedisEventQueueIT(RedisServerHandle redis) {
        this.redis = redis;
    }

    @AfterEach
    void closeReadConnections() {
        created.forEach(RedisEventQueue::close);
    }

    @Override
    protected EventQueue createQueue(long capacity) {
        // A short command timeout proves that a blocking read gets its block time on top.
        RedisEventQueue queue = new RedisEventQueue(
                connectors.open(RedisConnectionOptions.of(redis.uri()).withCommandTimeout(Duration.ofMillis(500))), capacity);
        created.add(queue);
        return queue;
    }

    @Test
    void entriesAreAStreamWithAWriterGroupUnderTheDocumentedKeys() {
        queue.append(entries("falco", 2));

        assertThat(redis.sync().type("zw:stream:observations")).isEqualTo("stream");
        assertThat(redis.sync().xlen("zw:stream:observations")).isEqualTo(2);
        assertThat(redis.sync().xinfoGroups("zw:stream:observations").toString()).contains("zw-writers");
    }

    @Test
    void aQueueNobodyUsedYetHasNoStreamAndNoStats() {
        EventQueue fresh = new RedisEventQueue(
                connectors.open(RedisConnectionOptions.of(redis.uri()).withKeyPrefix("fresh:")), 10);

        assertThat(fresh.stats(GROUP)).isEqualTo(new QueueStats(0, 0, OptionalLong.of(0)));
        assertThat(redis.sync().exists("fresh:stream:observations")).isZero();
    }

    @Test
    void blockingReadOutlastsTheCommandTimeout() {
        List<QueueEntry> read = queue.read(GROUP, "writer-1", 10, Duration.ofMillis(1_500));

        assertThat(read).isEmpty();
    }

    @Test
    void lagIsReportedByRedis7AndLaterEvenAfterAckedEntriesWereDeleted() {
        queue.append(entries("falco", 5));
        queue.ack(GROUP, queue.read(GROUP, "writer-1", 2, Duration.ZERO).stream().map(QueueEntry::id).toList());

        QueueStats stats = queue.stats(GROUP);

        assertThat(stats.length()).isEqualTo(3);
        if (redis.sync().info("server").contains("redis_version:6.")) {
            assertThat(stats.lag()).isEmpty();
        } else {
            assertThat(stats.lag()).hasValue(3);
        }
    }
}
