package io.kubezen.watcher.queue;

import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three in-memory shards read as one; items go to the shard named by their fingerprint's number modulo 3. */
class ShardedEventQueueTest {

    private static final String GROUP = EventQueue.DEFAULT_GROUP;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<InMemoryEventQueue> parts = List.of(new InMemoryEventQueue(100, clock),
            new InMemoryEventQueue(100, clock), new InMemoryEventQueue(100, clock));
    private final ShardedEventQueue queue = new ShardedEventQueue(List.of(new ShardedEventQueue.Shard("s0", parts.get(0)),
            new ShardedEventQueue.Shard("s1", parts.get(1)), new ShardedEventQueue.Shard("stream", parts.get(2))),
            item -> Integer.parseInt(item.fingerprint().substring(3)) % 3);

    @Test
    void readsTakeTheShardsInTurnAndIdsNameTheShard() {
        List<String> appended = queue.append(entries("falco", 6));
        queue.ensureGroup(GROUP);

        List<List<QueueEntry>> reads = List.of(read(), read(), read(), read());

        assertThat(appended).containsExactly("s0:1-0", "s1:1-0", "stream:1-0", "s0:2-0", "s1:2-0", "stream:2-0");
        assertThat(reads.get(0)).extracting(QueueEntry::id).containsExactly("s0:1-0", "s0:2-0");
        assertThat(reads.get(1)).extracting(QueueEntry::id).containsExactly("s1:1-0", "s1:2-0");
        assertThat(reads.get(2)).extracting(entry -> entry.observation().fingerprint()).containsExactly("fp-2", "fp-5");
        assertThat(reads.get(3)).isEmpty();
    }

    @Test
    void acksAndDeadLettersGoToTheEntrysOwnShardAndStatsAddUp() {
        queue.append(entries("falco", 6));
        queue.ensureGroup(GROUP);
        List<QueueEntry> first = read();
        List<QueueEntry> second = read();

        assertThat(queue.ack(GROUP, List.of(first.get(0).id(), second.get(0).id()))).isEqualTo(2);
        assertThat(queue.deadLetter(GROUP, second.get(1), "invalid", "spec.eventType", 1)).isTrue();

        assertThat(parts.get(0).stats(GROUP)).isEqualTo(new QueueStats(1, 1, OptionalLong.of(0), 0));
        assertThat(parts.get(1).stats(GROUP)).isEqualTo(new QueueStats(0, 0, OptionalLong.of(0), 1));
        assertThat(queue.stats(GROUP)).isEqualTo(new QueueStats(3, 1, OptionalLong.of(2), 1));
        assertThat(queue.statsByShard(GROUP)).containsOnlyKeys("s0", "s1", "stream");
    }

    @Test
    void idleEntriesAreClaimedFromEveryShard() {
        queue.append(entries("falco", 3));
        queue.ensureGroup(GROUP);
        read();
        read();
        read();
        clock.advance(Duration.ofMinutes(1));

        List<QueueEntry> claimed = queue.claimIdle(GROUP, "writer-2", Duration.ofSeconds(30), 10);

        assertThat(claimed).extracting(QueueEntry::id).containsExactly("s0:1-0", "s1:1-0", "stream:1-0");
        assertThat(claimed).extracting(QueueEntry::deliveries).containsOnly(2);
    }

    @Test
    void deadLettersOfAllShardsAreListedOldestFirstReplayedIntoTheirShardAndDeleted() {
        queue.append(entries("falco", 6));
        queue.ensureGroup(GROUP);
        List<QueueEntry> delivered = new ArrayList<>();
        delivered.addAll(read());
        delivered.addAll(read());
        delivered.addAll(read());
        // Dead-lettered in this order, one millisecond apart: fp-0, fp-1, fp-2, fp-3, fp-4; fp-5 stays queued.
        for (String fingerprint : List.of("fp-0", "fp-1", "fp-2", "fp-3", "fp-4")) {
            clock.advance(Duration.ofMillis(1));
            QueueEntry entry = delivered.stream().filter(e -> e.observation().fingerprint().equals(fingerprint))
                    .findFirst().orElseThrow();
            queue.deadLetter(GROUP, entry, "invalid", "", 1);
        }

        List<DeadLetter> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<DeadLetter> page = queue.deadLetters().list(cursor, 2);
            listed.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).extracting(letter -> letter.item().fingerprint())
                .containsExactly("fp-0", "fp-1", "fp-2", "fp-3", "fp-4");
        assertThat(listed.get(1).id()).startsWith("s1:");
        assertThat(queue.deadLetters().replay(List.of(listed.get(1).id()))).isEqualTo(1);
        assertThat(parts.get(1).stats(GROUP).length()).as("fp-1 back in its shard").isEqualTo(1);
        assertThat(queue.deadLetters().delete(listed.get(2).id())).isTrue();
        assertThat(queue.deadLetters().list(null, 10).items()).hasSize(3);
        assertThat(queue.deadLetters().replayAll()).isEqualTo(3);
        assertThat(queue.stats(GROUP).deadLetters()).isZero();
    }

    @Test
    void aSingleShardIsReadWithTheCallersBlockTime() {
        InMemoryEventQueue only = new InMemoryEventQueue(10, clock);
        ShardedEventQueue single = new ShardedEventQueue(List.of(new ShardedEventQueue.Shard("s0", only)), item -> 0);
        single.ensureGroup(GROUP);
        single.append(entries("falco", 1));

        assertThat(single.read(GROUP, "writer-1", 10, Duration.ofMillis(50))).extracting(QueueEntry::id)
                .containsExactly("s0:1-0");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"1-0", "s9:1-0", ":1-0", "s0"})
    void idsThatNameNoShardAreRefused(String id) {
        assertThatThrownBy(() -> queue.ack(GROUP, List.of(id))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.deadLetters().delete(id)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<QueueEntry> read() {
        return queue.read(GROUP, "writer-1", 10, Duration.ZERO);
    }
}
