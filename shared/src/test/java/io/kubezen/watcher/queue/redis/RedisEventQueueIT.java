package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.EventQueueContract;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
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

    private static final String STREAM = "zw:{s0}:observations";

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;
    private final List<RedisEventQueue> created = new ArrayList<>();

    RedisEventQueueIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @AfterEach
    void closeReadConnections() {
        created.forEach(RedisEventQueue::close);
    }

    @Override
    protected EventQueue createQueue(long capacity) {
        // A short command timeout proves that a blocking read gets its block time on top.
        RedisEventQueue queue = RedisEventQueue.shard(
                connectors.open(redis.options().withCommandTimeout(Duration.ofMillis(500))), 0, capacity);
        created.add(queue);
        return queue;
    }

    /** Waits on Redis's own idle times, as XPENDING reports them, instead of sleeping. */
    @Override
    protected void awaitIdle(Duration idle) {
        Await.until("every pending entry has been idle for " + idle, Duration.ofSeconds(10), () ->
                redis.sync().xpending(STREAM, GROUP, Range.unbounded(), Limit.from(10_000)).stream()
                        .allMatch(pending -> pending.getMsSinceLastDelivery() >= idle.toMillis()));
    }

    /**
     * Redis 7 looks at no more than ten times COUNT pending entries per XAUTOCLAIM call; the idle ones here sit
     * behind 295 that were just claimed, so finding them takes several pages of the cursor.
     */
    @Test
    void claimingFollowsTheCursorPastEntriesThatAreNotIdle() {
        List<String> ids = queue.append(entries("falco", 300));
        queue.read(GROUP, "writer-1", 300, Duration.ZERO);
        awaitIdle(Duration.ofSeconds(2));
        queue.claimIdle(GROUP, "writer-2", Duration.ZERO, 295);

        List<QueueEntry> claimed = queue.claimIdle(GROUP, "writer-3", Duration.ofSeconds(1), 5);

        assertThat(claimed).extracting(QueueEntry::id).containsExactlyElementsOf(ids.subList(295, 300));
    }

    @Test
    void entriesAreAStreamWithAWriterGroupUnderTheDocumentedKeys() {
        queue.append(entries("falco", 2));

        assertThat(redis.sync().type(STREAM)).isEqualTo("stream");
        assertThat(redis.sync().xlen(STREAM)).isEqualTo(2);
        assertThat(redis.sync().xinfoGroups(STREAM).toString()).contains("zw-writers");
    }

    @Test
    void aQueueNobodyUsedYetHasNoStreamAndNoStats() {
        EventQueue fresh = RedisEventQueue.shard(connectors.open(redis.options().withKeyPrefix("fresh:")), 0, 10);

        assertThat(fresh.stats(GROUP)).isEqualTo(new QueueStats(0, 0, OptionalLong.of(0), 0));
        assertThat(redis.sync().exists("fresh:{s0}:observations")).isZero();
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
