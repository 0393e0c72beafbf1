package io.kubezen.watcher.queue;

import io.kubezen.watcher.store.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link EventQueue#deadLetter} and every {@link DeadLetters} promise; subclassed once per implementation. */
public abstract class DeadLettersContract {

    protected static final String GROUP = EventQueue.DEFAULT_GROUP;

    protected EventQueue queue;
    protected DeadLetters deadLetters;

    protected abstract EventQueue createQueue(long capacity);

    /** The clock the queues stamp their dead letters with. */
    protected abstract Clock clock();

    @BeforeEach
    void createQueue() {
        queue = createQueue(1_000);
        queue.ensureGroup(GROUP);
        deadLetters = queue.deadLetters();
    }

    @Test
    void aDeadLetterKeepsTheEntryWithWhyItWasGivenUpAndTheEntryLeavesTheQueue() {
        QueueEntry poison = appendAndRead(3).get(1);
        Instant before = clock().instant().truncatedTo(ChronoUnit.MILLIS);

        boolean moved = queue.deadLetter(GROUP, poison, "invalid", "spec.severity: Unsupported value: \"urgent\"", 4);

        Instant after = clock().instant();
        assertThat(moved).isTrue();
        DeadLetter letter = deadLetters.list(null, 10).items().get(0);
        assertThat(letter.reason()).isEqualTo("invalid");
        assertThat(letter.detail()).isEqualTo("spec.severity: Unsupported value: \"urgent\"");
        assertThat(letter.attempts()).isEqualTo(4);
        assertThat(letter.originalId()).isEqualTo(poison.id());
        assertThat(letter.fields()).isEqualTo(poison.fields());
        assertThat(letter.item()).isEqualTo(poison.observation());
        assertThat(letter.deadLetteredAt()).isBetween(before, after);
        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending, QueueStats::deadLetters)
                .containsExactly(2L, 2L, 1L);
        assertThat(queue.ack(GROUP, List.of(poison.id()))).isZero();
    }

    @Test
    void anEntryThatIsNoLongerPendingIsNotDeadLettered() {
        List<QueueEntry> read = appendAndRead(2);
        queue.ack(GROUP, List.of(read.get(0).id()));
        queue.deadLetter(GROUP, read.get(1), "denied", "", 1);

        assertThat(queue.deadLetter(GROUP, read.get(0), "invalid", "written meanwhile", 1)).isFalse();
        assertThat(queue.deadLetter(GROUP, read.get(1), "invalid", "a dead letter already", 1)).isFalse();
        assertThat(queue.stats(GROUP).deadLetters()).isEqualTo(1);
    }

    @ParameterizedTest(name = "reason \"{0}\" is refused")
    @ValueSource(strings = {"", "Invalid", "two words", "max-deliveries", "a_reason_much_too_long_for_a_metric_tag"})
    void reasonsThatAreNotShortLowercaseWordsAreRefusedAndTheEntryStaysPending(String reason) {
        QueueEntry entry = appendAndRead(1).get(0);

        assertThatThrownBy(() -> queue.deadLetter(GROUP, entry, reason, "detail", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.stats(GROUP)).extracting(QueueStats::pending, QueueStats::deadLetters).containsExactly(1L, 0L);
    }

    @Test
    void deadLetteringWithoutAGroupFails() {
        QueueEntry entry = appendAndRead(1).get(0);

        assertThatThrownBy(() -> queue.deadLetter("no-such-group", entry, "invalid", "", 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReplayedDeadLetterIsDeliveredToTheGroupExactlyOnceAsAFreshEntry() {
        QueueEntry entry = appendAndRead(1).get(0);
        queue.deadLetter(GROUP, entry, "forbidden", "namespaces \"shop\" is forbidden", 1);
        String id = deadLetters.list(null, 10).items().get(0).id();

        int replayed = deadLetters.replay(List.of(id, id));

        List<QueueEntry> again = queue.read(GROUP, "writer-2", 10, Duration.ZERO);
        assertThat(replayed).isEqualTo(1);
        assertThat(again).singleElement().satisfies(fresh -> {
            assertThat(fresh.id()).isNotEqualTo(entry.id());
            assertThat(fresh.fields()).isEqualTo(entry.fields());
            assertThat(fresh.deliveries()).isEqualTo(1);
        });
        assertThat(queue.read(GROUP, "writer-3", 10, Duration.ZERO)).isEmpty();
        assertThat(deadLetters.list(null, 10).items()).isEmpty();
        assertThat(deadLetters.replay(List.of(id))).isZero();
    }

    @Test
    void replayAllPutsEveryDeadLetterBackInOrder() {
        List<QueueEntry> read = appendAndRead(3);
        read.forEach(entry -> queue.deadLetter(GROUP, entry, "max_deliveries", "delivered 6 times", 6));

        assertThat(deadLetters.replayAll()).isEqualTo(3);

        assertThat(queue.read(GROUP, "writer-2", 10, Duration.ZERO)).extracting(QueueEntry::observation)
                .containsExactlyElementsOf(read.stream().map(QueueEntry::observation).toList());
        assertThat(queue.stats(GROUP).deadLetters()).isZero();
        assertThat(deadLetters.replayAll()).isZero();
    }

    @Test
    void replayAllMovesHundredsOfDeadLetters() {
        appendAndRead(250).forEach(entry -> queue.deadLetter(GROUP, entry, "invalid", "", 1));

        assertThat(deadLetters.replayAll()).isEqualTo(250);

        assertThat(queue.stats(GROUP)).extracting(QueueStats::length, QueueStats::deadLetters).containsExactly(250L, 0L);
    }

    @Test
    void replayIntoAFullQueueIsRefusedAndKeepsTheDeadLetters() {
        EventQueue small = createQueue(2);
        small.ensureGroup(GROUP);
        small.append(entries("falco", 2));
        small.read(GROUP, "writer-1", 2, Duration.ZERO)
                .forEach(entry -> small.deadLetter(GROUP, entry, "invalid", "", 1));
        small.append(entries("falco", 1));

        assertThatThrownBy(() -> small.deadLetters().replayAll()).isInstanceOf(QueueFullException.class);
        assertThat(small.stats(GROUP)).extracting(QueueStats::length, QueueStats::deadLetters).containsExactly(1L, 2L);
    }

    @Test
    void aDeletedDeadLetterIsGoneForGood() {
        queue.deadLetter(GROUP, appendAndRead(1).get(0), "not_found", "namespaces \"shop\" not found", 1);
        String id = deadLetters.list(null, 10).items().get(0).id();

        assertThat(deadLetters.delete(id)).isTrue();
        assertThat(deadLetters.delete(id)).isFalse();
        assertThat(deadLetters.replay(List.of(id))).isZero();
        assertThat(deadLetters.list(null, 10).items()).isEmpty();
        assertThat(queue.stats(GROUP).deadLetters()).isZero();
    }

    @Test
    void listingPagesThrough250DeadLettersOldestFirst() {
        List<QueueEntry> read = appendAndRead(250);
        read.forEach(entry -> queue.deadLetter(GROUP, entry, "invalid", "", 1));

        List<Integer> pageSizes = new ArrayList<>();
        List<DeadLetter> seen = new ArrayList<>();
        Page<DeadLetter> page = deadLetters.list(null, 100);
        pageSizes.add(page.items().size());
        seen.addAll(page.items());
        while (page.hasMore()) {
            page = deadLetters.list(page.nextCursor(), 100);
            pageSizes.add(page.items().size());
            seen.addAll(page.items());
        }

        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(seen).extracting(DeadLetter::originalId).containsExactlyElementsOf(read.stream().map(QueueEntry::id).toList());
        assertThat(seen).extracting(DeadLetter::id).doesNotHaveDuplicates();
    }

    @Test
    void malformedIdsAndCursorsAreRefused() {
        assertThatThrownBy(() -> deadLetters.list("page-2", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadLetters.delete("*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadLetters.replay(List.of("1-0", "+"))).isInstanceOf(IllegalArgumentException.class);
    }

    private List<QueueEntry> appendAndRead(int count) {
        queue.append(entries("falco", count));
        return queue.read(GROUP, "writer-1", count, Duration.ZERO);
    }
}
