package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.EventQueueContract;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.StatusHint;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisEventQueueIT extends EventQueueContract {

    private static final String STREAM = "zw:{s0}:observations";
    private static final String STATUSES = "zw:{s0}:statuses";
    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00.250Z");

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

    /**
     * An entry of the status stream holds the updates of one admission call; a writer gets one entry per update, with
     * the fields Java writes for it, and the entry goes once each update was acknowledged or dead-lettered.
     */
    @Test
    void aStatusStreamEntryIsDeliveredAsOneEntryPerUpdateAndGoesWithTheLast() {
        List<StatusHint> hints = IntStream.range(0, 3).mapToObj(i -> new StatusHint("falco", "fp-" + i,
                T0.plusSeconds(i), "shop", T0.plusSeconds(30 + i), T0.plusSeconds(10 + i), 2 + i)).toList();
        String id = redis.sync().xadd(STATUSES, Map.of("statuses", statusLines(hints)));

        List<QueueEntry> read = queue.read(GROUP, "writer-1", 10, Duration.ZERO);

        assertThat(read).extracting(QueueEntry::id).containsExactly("u" + id + ".0", "u" + id + ".1", "u" + id + ".2");
        assertThat(read).extracting(QueueEntry::fields).containsExactlyElementsOf(
                hints.stream().map(QueuedObservationCodec::encode).toList());
        assertThat(queue.ack(GROUP, List.of(read.get(0).id(), read.get(1).id()))).isEqualTo(2);
        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending).containsExactly(1L, 1L);

        assertThat(queue.deadLetter(GROUP, read.get(2), "invalid", "refused", 1)).isTrue();

        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending, QueueStats::deadLetters)
                .containsExactly(0L, 0L, 1L);
        assertThat(queue.deadLetters().list(null, 10).items()).singleElement()
                .satisfies(letter -> assertThat(letter.fields()).isEqualTo(QueuedObservationCodec.encode(hints.get(2))));
    }

    /** A writer that dies holding some updates of an entry leaves all of them to the claim, done ones included. */
    @Test
    void theUpdatesOfAStatusStreamEntryAreClaimedTogether() {
        List<StatusHint> hints = IntStream.range(0, 2).mapToObj(i -> new StatusHint("falco", "fp-" + i, T0, "shop",
                T0.plusSeconds(30), T0, 2)).toList();
        redis.sync().xadd(STATUSES, Map.of("statuses", statusLines(hints)));
        List<QueueEntry> read = queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        queue.ack(GROUP, List.of(read.get(0).id()));

        List<QueueEntry> claimed = createQueue(100).claimIdle(GROUP, "writer-2", Duration.ZERO, 10);

        assertThat(claimed).extracting(QueueEntry::id).containsExactlyElementsOf(read.stream().map(QueueEntry::id).toList());
        assertThat(claimed).extracting(QueueEntry::deliveries).containsOnly(2);
    }

    @Test
    void aStatusStreamEntryThatCannotBeReadIsDeliveredAsItIsStored() {
        String id = redis.sync().xadd(STATUSES, Map.of("statuses", "not\nsix lines"));

        assertThat(queue.read(GROUP, "writer-1", 10, Duration.ZERO)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("u" + id + ".0");
            assertThat(entry.fields()).containsOnlyKeys("statuses");
        });
    }

    /** The status stream entry that admit.lua writes for these updates. */
    private static String statusLines(List<StatusHint> hints) {
        return hints.stream().map(hint -> String.join("\n", Long.toString(hint.firstSeen().toEpochMilli()),
                Long.toString(hint.lastSeen().toEpochMilli()), Long.toString(hint.dueAt().toEpochMilli()),
                Long.toString(hint.count()), hint.namespace(), "zw:{s0}:dedup:" + hint.source() + ":" + hint.fingerprint()))
                .collect(Collectors.joining("\n"));
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
