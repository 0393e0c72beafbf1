package io.kubezen.watcher.queue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link EventQueue} promises; subclassed once per implementation. */
public abstract class EventQueueContract {

    protected static final String GROUP = EventQueue.DEFAULT_GROUP;
    private static final Duration MIN_IDLE = Duration.ofMillis(100);

    protected EventQueue queue;

    protected abstract EventQueue createQueue(long capacity);

    /** Returns once every entry pending in {@code GROUP} has been idle for at least {@code idle}. */
    protected abstract void awaitIdle(Duration idle);

    @BeforeEach
    void createQueue() {
        queue = createQueue(1_000);
        queue.ensureGroup(GROUP);
    }

    @Test
    void appendedEntriesAreReadBackIntactInOrder() {
        List<QueuedObservation> batch = entries("falco", 3);

        List<String> ids = queue.append(batch);
        List<QueueEntry> read = queue.read(GROUP, "writer-1", 10, Duration.ZERO);

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(read).extracting(QueueEntry::id).containsExactlyElementsOf(ids);
        assertThat(read).extracting(QueueEntry::observation).containsExactlyElementsOf(batch);
        assertThat(read.get(0).fields()).containsEntry(QueuedObservationCodec.SOURCE, "falco")
                .containsEntry(QueuedObservationCodec.FINGERPRINT, "fp-0")
                .containsEntry(QueuedObservationCodec.FIRST_SEEN, "2025-01-01T00:00:00.123Z");
    }

    @Test
    void anEmptyAppendAddsNothing() {
        assertThat(queue.append(List.of())).isEmpty();
        assertThat(queue.stats(GROUP).length()).isZero();
    }

    @Test
    void consumersOfAGroupShareTheEntriesWithoutOverlap() {
        List<String> ids = queue.append(entries("falco", 10));

        List<QueueEntry> first = queue.read(GROUP, "writer-1", 4, Duration.ZERO);
        List<QueueEntry> second = queue.read(GROUP, "writer-2", 100, Duration.ZERO);
        List<QueueEntry> none = queue.read(GROUP, "writer-1", 100, Duration.ZERO);

        assertThat(first).hasSize(4);
        assertThat(second).hasSize(6);
        assertThat(none).isEmpty();
        Set<String> delivered = new HashSet<>();
        first.forEach(entry -> delivered.add(entry.id()));
        second.forEach(entry -> delivered.add(entry.id()));
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void deliveredEntriesStayPendingUntilAcknowledgedThenLeave() {
        queue.append(entries("falco", 5));
        List<QueueEntry> read = queue.read(GROUP, "writer-1", 3, Duration.ZERO);

        QueueStats beforeAck = queue.stats(GROUP);
        long acknowledged = queue.ack(GROUP, read.stream().map(QueueEntry::id).toList());
        QueueStats afterAck = queue.stats(GROUP);

        assertThat(beforeAck.length()).isEqualTo(5);
        assertThat(beforeAck.pending()).isEqualTo(3);
        beforeAck.lag().ifPresent(lag -> assertThat(lag).isEqualTo(2));
        assertThat(acknowledged).isEqualTo(3);
        assertThat(afterAck.length()).isEqualTo(2);
        assertThat(afterAck.pending()).isZero();
        afterAck.lag().ifPresent(lag -> assertThat(lag).isEqualTo(2));
        assertThat(queue.ack(GROUP, read.stream().map(QueueEntry::id).toList())).isZero();
    }

    @Test
    void theEntriesOfAConsumerThatStoppedAreClaimedByAnotherAfterMinIdle() {
        List<String> ids = queue.append(entries("falco", 3));
        List<QueueEntry> unacknowledged = queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        awaitIdle(MIN_IDLE);

        List<QueueEntry> claimed = queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10);

        assertThat(unacknowledged).extracting(QueueEntry::deliveries).containsOnly(1);
        assertThat(claimed).extracting(QueueEntry::id).containsExactlyElementsOf(ids);
        assertThat(claimed).extracting(QueueEntry::deliveries).containsOnly(2);
        assertThat(claimed).extracting(QueueEntry::fields)
                .containsExactlyElementsOf(unacknowledged.stream().map(QueueEntry::fields).toList());
        assertThat(queue.ack(GROUP, ids)).isEqualTo(3);
        assertThat(queue.stats(GROUP).pending()).isZero();
        assertThat(queue.stats(GROUP).length()).isZero();
    }

    @Test
    void entriesIdleForLessThanMinIdleAreNotClaimed() {
        queue.append(entries("falco", 2));
        queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        awaitIdle(MIN_IDLE);

        assertThat(queue.claimIdle(GROUP, "writer-2", Duration.ofHours(1), 10)).isEmpty();
        assertThat(queue.stats(GROUP).pending()).isEqualTo(2);
    }

    @Test
    void everyClaimCountsOneMoreDelivery() {
        queue.append(entries("falco", 1));
        queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        awaitIdle(MIN_IDLE);
        queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10);
        awaitIdle(MIN_IDLE);

        List<QueueEntry> claimedAgain = queue.claimIdle(GROUP, "writer-3", MIN_IDLE, 10);

        assertThat(claimedAgain).singleElement().extracting(QueueEntry::deliveries).isEqualTo(3);
    }

    @Test
    void aClaimTakesAtMostCountEntriesOldestFirst() {
        List<String> ids = queue.append(entries("falco", 5));
        queue.read(GROUP, "writer-1", 10, Duration.ZERO);
        awaitIdle(MIN_IDLE);

        List<QueueEntry> first = queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 2);
        queue.ack(GROUP, first.stream().map(QueueEntry::id).toList());
        List<QueueEntry> rest = queue.claimIdle(GROUP, "writer-2", MIN_IDLE, 10);

        assertThat(first).extracting(QueueEntry::id).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(rest).extracting(QueueEntry::id).containsExactlyElementsOf(ids.subList(2, 5));
    }

    @Test
    void claimingWithoutAGroupFails() {
        assertThatThrownBy(() -> queue.claimIdle("no-such-group", "writer-1", MIN_IDLE, 10))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullQueueRefusesTheWholeBatchAndDropsNothing() {
        EventQueue small = createQueue(5);
        small.ensureGroup(GROUP);
        small.append(entries("falco", 3));

        assertThatThrownBy(() -> small.append(entries("falco", 3)))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("capacity of 5");
        assertThat(small.stats(GROUP).length()).isEqualTo(3);

        List<QueueEntry> read = small.read(GROUP, "writer-1", 3, Duration.ZERO);
        small.ack(GROUP, read.stream().map(QueueEntry::id).toList());
        assertThat(small.append(entries("falco", 5))).hasSize(5);
    }

    @Test
    void aBlockingReadReturnsAsSoonAsAnEntryArrives() throws Exception {
        CompletableFuture<List<QueueEntry>> reading = CompletableFuture.supplyAsync(
                () -> queue.read(GROUP, "writer-1", 10, Duration.ofSeconds(20)));

        queue.append(entries("falco", 1));

        assertThat(reading.get(10, TimeUnit.SECONDS)).hasSize(1);
    }

    @Test
    void aBlockingReadOnAnEmptyQueueReturnsNothingAfterItsTime() {
        assertThat(queue.read(GROUP, "writer-1", 10, Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void entriesAppendedBeforeTheGroupExistedAreDeliveredToIt() {
        queue.append(entries("falco", 2));

        queue.ensureGroup("late-group");
        queue.ensureGroup("late-group");

        assertThat(queue.read("late-group", "writer-1", 10, Duration.ZERO)).hasSize(2);
    }

    @Test
    void readingWithoutAGroupFails() {
        assertThatThrownBy(() -> queue.read("no-such-group", "writer-1", 10, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGroupNobodyCreatedHasEverythingAsLag() {
        queue.append(entries("falco", 4));

        QueueStats stats = queue.stats("no-such-group");

        assertThat(stats.length()).isEqualTo(4);
        assertThat(stats.pending()).isZero();
        assertThat(stats.lag()).hasValue(4);
    }
}
