package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRecordId;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.ingester.wiring.ConsumerProperties;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a writer turns queued status updates into status writes: held until due, values from the dedup record. */
class QueueWriterStatusTest {

    private static final Instant T0 = TestObservations.FIRST_SEEN;
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration CLAIM_IDLE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventQueue queue = new InMemoryEventQueue(100, clock);
    private final CountingReads records = new CountingReads(new InMemoryDedupStore(clock, 100,
            DedupStore.DEFAULT_STATUS_INTERVAL));
    private final RecordingSink sink = new RecordingSink();
    private final QueueWriter writer = writer(100, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        writer.close();
    }

    private QueueWriter writer(int maxHeld, SimpleMeterRegistry registry) {
        return new QueueWriter(queue, sink, records,
                new ConsumerProperties(EventQueue.DEFAULT_GROUP, null, 10, 1, Duration.ZERO, CLAIM_IDLE,
                        Duration.ofSeconds(30), 10, Duration.ofSeconds(30), maxHeld),
                "writer-1", new WriterMetrics(registry), clock);
    }

    @Test
    void anObservationIsCreatedWithTheCountItsRecordHasAlready() throws Exception {
        ObservationWrite write = TestObservations.write("apps", "falco", Severity.HIGH, "fp-1");
        records.record(new DedupRequest("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(2));
        records.record(new DedupRequest("falco", "fp-1", WINDOW));
        queue.append(List.of(new QueuedObservation(write.observation(), "fp-1", T0)));
        writer.prepare();

        writer.pollOnce(Duration.ZERO);

        assertThat(sink.creates).singleElement().extracting(ObservationWrite::status)
                .isEqualTo(new SeenStatus(T0, T0.plusSeconds(2), 1));
    }

    @Test
    void aStatusUpdateIsHeldUntilDueThenWritesTheRecordAsItIsThen() throws Exception {
        ObservationWrite write = TestObservations.write("apps", "falco", Severity.HIGH, "fp-2");
        records.record(new DedupRequest("falco", "fp-2", WINDOW));
        queue.append(List.of(new StatusHint("falco", "fp-2", T0, "apps", T0.plusSeconds(30), T0, 2)));
        writer.prepare();

        writer.pollOnce(Duration.ZERO);
        clock.advance(Duration.ofSeconds(10));
        records.record(new DedupRequest("falco", "fp-2", WINDOW));
        records.record(new DedupRequest("falco", "fp-2", WINDOW));
        writer.pollOnce(Duration.ZERO);
        List<StatusWrite> beforeDue = List.copyOf(sink.updates);
        clock.advance(Duration.ofSeconds(20));
        writer.pollOnce(Duration.ZERO);

        assertThat(beforeDue).isEmpty();
        assertThat(sink.updates).singleElement().satisfies(update -> {
            assertThat(update.name()).isEqualTo(write.name());
            assertThat(update.status()).isEqualTo(new SeenStatus(T0, T0.plusSeconds(10), 2));
        });
        assertThat(queue.stats(EventQueue.DEFAULT_GROUP).length()).isZero();
        assertThat(writer.held()).isZero();
    }

    @Test
    void aStatusUpdateDueLaterThanHalfTheClaimIdleTimeIsWrittenThen() throws Exception {
        queue.append(List.of(new StatusHint("falco", "fp-3", T0, "apps", T0.plus(CLAIM_IDLE), T0, 3)));
        writer.prepare();

        writer.pollOnce(Duration.ZERO);
        clock.advance(CLAIM_IDLE.dividedBy(2));
        writer.pollOnce(Duration.ZERO);

        assertThat(sink.updates).singleElement().extracting(StatusWrite::status)
                .as("the record is gone: the values the update was scheduled with")
                .isEqualTo(new SeenStatus(T0, T0, 2));
    }

    /**
     * A writer that holds {@code maxHeld} updates leaves the next one pending in the queue, unacknowledged: the claim
     * takes it once it has been idle for {@code claimIdle}, and it is due by then.
     */
    @Test
    void anUpdateBeyondMaxHeldStaysPendingUntilTheClaimTakesItWhenDue() throws Exception {
        StatusHint held = new StatusHint("falco", "fp-8", T0, "apps", T0.plusSeconds(30), T0, 2);
        StatusHint left = new StatusHint("falco", "fp-9", T0, "apps", T0.plusSeconds(30), T0, 3);
        queue.append(List.of(held, left));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (QueueWriter holdsOne = writer(1, registry)) {
            holdsOne.prepare();

            holdsOne.pollOnce(Duration.ZERO);
            assertThat(holdsOne.held()).isEqualTo(1);
            assertThat(registry.get(MetricNames.STATUS_UPDATES_HELD).gauge().value()).isEqualTo(1);
            assertThat(registry.get(MetricNames.STATUS_UPDATES_DEFERRED).counter().count()).isEqualTo(1);
            assertThat(queue.stats(EventQueue.DEFAULT_GROUP).pending()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(30));
            holdsOne.pollOnce(Duration.ZERO);
            assertThat(sink.updates).singleElement().extracting(StatusWrite::status)
                    .isEqualTo(new SeenStatus(T0, T0, 1));
            assertThat(holdsOne.claimOnce()).as("idle for less than claimIdle").isZero();

            clock.advance(CLAIM_IDLE.minusSeconds(30));
            assertThat(holdsOne.claimOnce()).isEqualTo(1);
        }

        assertThat(sink.updates).extracting(StatusWrite::status)
                .containsExactly(new SeenStatus(T0, T0, 1), new SeenStatus(T0, T0, 2));
        assertThat(queue.stats(EventQueue.DEFAULT_GROUP).length()).isZero();
    }

    /**
     * A held update keeps its decoded hint, not the entry's fields; one that fails for good when due is dead-lettered
     * with the fields it was read with, made again by the codec.
     */
    @Test
    void aHeldUpdateThatFailsForGoodIsDeadLetteredWithTheFieldsItWasReadWith() throws Exception {
        StatusHint hint = new StatusHint("falco", "fp-7", T0, "apps", T0.plusSeconds(30), T0, 2);
        queue.append(List.of(hint));
        writer.prepare();
        writer.pollOnce(Duration.ZERO);
        sink.refuseUpdates = true;

        clock.advance(Duration.ofSeconds(30));
        writer.pollOnce(Duration.ZERO);

        assertThat(writer.held()).isZero();
        assertThat(queue.deadLetters().list(null, 10).items()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("invalid");
            assertThat(letter.fields()).isEqualTo(QueuedObservationCodec.encode(hint));
        });
        assertThat(queue.stats(EventQueue.DEFAULT_GROUP).length()).isZero();
    }

    /** The Redis store answers a batch's reads in one round trip, so the writer asks for a batch's records at once. */
    @Test
    void aBatchReadsTheRecordsOfItsCreatesAndDueUpdatesAtOnce() throws Exception {
        ObservationWrite counted = TestObservations.write("apps", "falco", Severity.HIGH, "fp-4");
        ObservationWrite single = TestObservations.write("apps", "falco", Severity.HIGH, "fp-5");
        records.record(new DedupRequest("falco", "fp-4", WINDOW));
        records.record(new DedupRequest("falco", "fp-5", WINDOW));
        records.record(new DedupRequest("falco", "fp-6", WINDOW));
        clock.advance(Duration.ofSeconds(3));
        records.record(new DedupRequest("falco", "fp-4", WINDOW));
        records.record(new DedupRequest("falco", "fp-6", WINDOW));
        queue.append(List.of(new QueuedObservation(counted.observation(), "fp-4", T0),
                new StatusHint("falco", "fp-6", T0, "apps", T0.plusSeconds(3), T0.plusSeconds(3), 2),
                new QueuedObservation(single.observation(), "fp-5", T0)));
        writer.prepare();

        writer.pollOnce(Duration.ZERO);

        assertThat(records.batches).containsExactly(3);
        assertThat(sink.creates).extracting(ObservationWrite::status)
                .containsExactly(new SeenStatus(T0, T0.plusSeconds(3), 1), new SeenStatus(T0, T0, 0));
        assertThat(sink.updates).singleElement().extracting(StatusWrite::status)
                .isEqualTo(new SeenStatus(T0, T0.plusSeconds(3), 1));
    }

    /** Answers every create and update with success and remembers them. */
    private static final class RecordingSink implements ObservationSink {
        private final List<ObservationWrite> creates = new ArrayList<>();
        private final List<StatusWrite> updates = new ArrayList<>();
        private boolean refuseUpdates;

        @Override
        public WriteResult write(ObservationWrite write) {
            creates.add(write);
            return WriteResult.created(write.name());
        }

        @Override
        public WriteResult updateStatus(StatusWrite update) {
            if (refuseUpdates) {
                return WriteResult.permanent(update.name(), FailureReason.INVALID, "refused", List.of());
            }
            updates.add(update);
            return WriteResult.of(WriteResult.Outcome.UPDATED, update.name());
        }
    }

    /** The store, counting how many records each batch read asked for. */
    private static final class CountingReads implements DedupStore {
        private final DedupStore store;
        private final List<Integer> batches = new ArrayList<>();

        CountingReads(DedupStore store) {
            this.store = store;
        }

        @Override
        public List<Optional<DedupRecord>> findAll(List<DedupRecordId> wanted) {
            batches.add(wanted.size());
            return store.findAll(wanted);
        }

        @Override
        public List<DedupResult> record(List<DedupRequest> batch) {
            return store.record(batch);
        }

        @Override
        public Optional<DedupRecord> get(String source, String fingerprint) {
            return store.get(source, fingerprint);
        }

        @Override
        public boolean forget(String source, String fingerprint) {
            return store.forget(source, fingerprint);
        }

        @Override
        public Page<DedupRecord> list(String source, String cursor, int limit) {
            return store.list(source, cursor, limit);
        }
    }
}
