package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dedup, then the queue: what the receive path and the informer sources share. */
class AdmissionTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryDedupStore dedup = new InMemoryDedupStore(clock, 100, DedupStore.DEFAULT_STATUS_INTERVAL);
    private final InMemoryEventQueue queue = new InMemoryEventQueue(100, clock);
    private final List<String> rollbacksFailed = new ArrayList<>();

    @Test
    void queuesFirstOccurrencesWithTheirFirstSeenAndCountsDuplicates() throws Exception {
        Admission admission = new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add);

        Admitted first = admission.admit("hook", events("{}", "a", "b"));
        clock.advance(Duration.ofSeconds(5));
        Admitted second = admission.admit("hook", events("{}", "b", "c"));

        assertThat(first.queued()).extracting(QueuedObservation::firstSeen).containsOnly(Fixtures.NOW);
        assertThat(first.duplicates()).isZero();
        assertThat(second.queued()).hasSize(1);
        assertThat(second.queued().get(0).firstSeen()).isEqualTo(Fixtures.NOW.plusSeconds(5));
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(queuedItems()).hasSize(4).filteredOn(StatusHint.class::isInstance).singleElement()
                .isEqualTo(new StatusHint("hook", first.queued().get(1).fingerprint(), Fixtures.NOW, first.queued().get(1).observation().namespace(),
                        Fixtures.NOW.plusSeconds(5).plus(DedupStore.DEFAULT_STATUS_INTERVAL),
                        Fixtures.NOW.plusSeconds(5), 2));
    }

    @Test
    void aFailedAppendWithdrawsTheStatusUpdateItScheduledSoTheRetrySchedulesItAgain() throws Exception {
        Admission admission = new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add);
        Admission failing = new Admission(dedup, new InMemoryDedupWindows(), new UnreachableQueue(queue), clock,
                rollbacksFailed::add);
        List<IngestedEvent> events = events("{}", "a");
        admission.admit("hook", events);

        assertThatThrownBy(() -> failing.admit("hook", events)).isInstanceOf(StoreUnavailableException.class);
        Admitted retry = admission.admit("hook", events);

        assertThat(retry.duplicates()).isEqualTo(1);
        assertThat(queuedItems()).filteredOn(StatusHint.class::isInstance).singleElement()
                .extracting(item -> ((StatusHint) item).count()).isEqualTo(3L);
    }

    @Test
    void withoutDedupEveryEventIsQueuedAtTheClocksTime() throws Exception {
        Admission admission = new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add);

        Admitted admitted = admission.admit("hook", events("{enabled: false}", "a", "a"));

        assertThat(admitted.queued()).hasSize(2).extracting(QueuedObservation::firstSeen).containsOnly(Fixtures.NOW);
        assertThat(dedup.get("hook", admitted.queued().get(0).fingerprint())).isEmpty();
    }

    @Test
    void aFailedAppendForgetsTheRecordsItCreatedSoTheRetryIsNew() throws Exception {
        Admission failing = new Admission(dedup, new InMemoryDedupWindows(), new UnreachableQueue(queue), clock,
                rollbacksFailed::add);
        List<IngestedEvent> events = events("{}", "a");

        assertThatThrownBy(() -> failing.admit("hook", events)).isInstanceOf(StoreUnavailableException.class);

        assertThat(dedup.get("hook", events.get(0).fingerprint())).isEmpty();
        assertThat(new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add)
                .admit("hook", events).queued()).hasSize(1);
        assertThat(rollbacksFailed).isEmpty();
    }

    @Test
    void aRecordLeftByAnAttemptThatNeverQueuedDoesNotHideTheRetry() throws Exception {
        Admission admission = new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add);
        List<IngestedEvent> events = events("{}", "a");
        // What an ingester killed between recording and queueing leaves behind.
        dedup.record(new DedupRequest("hook", events.get(0).fingerprint(), Duration.ofMinutes(5)));
        clock.advance(Duration.ofSeconds(2));

        Admitted retry = admission.admit("hook", events);
        Admitted repeat = admission.admit("hook", events);

        assertThat(retry.queued()).hasSize(1);
        assertThat(retry.queued().get(0).firstSeen()).as("the record's, so the same Observation name")
                .isEqualTo(Fixtures.NOW);
        assertThat(repeat.queued()).isEmpty();
        assertThat(repeat.duplicates()).isEqualTo(1);
        assertThat(queuedItems()).hasSize(2).last().isInstanceOf(StatusHint.class);
    }

    @Test
    void aRepeatInTheSameBatchIsQueuedOnce() throws Exception {
        Admission admission = new Admission(dedup, new InMemoryDedupWindows(), queue, clock, rollbacksFailed::add);

        Admitted admitted = admission.admit("hook", events("{}", "a", "a", "b"));

        assertThat(admitted.queued()).hasSize(2);
        assertThat(admitted.duplicates()).isEqualTo(1);
    }

    /** Webhook events whose only content is {@code id}, of a source with the given dedup settings. */
    private static List<IngestedEvent> events(String dedup, String... ids) throws Exception {
        IngestPipeline pipeline = Fixtures.pipeline(Fixtures.definition(
                "{name: hook, type: webhook, mapping: {details: {id: $.id}}, dedup: " + dedup + "}"));
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\"}");
        }
        return pipeline.process(Payload.json(body.append(']').toString().getBytes(StandardCharsets.UTF_8))).accepted();
    }

    /** A queue whose appends fail as the Redis one does when Redis is away. */
    private List<QueueItem> queuedItems() {
        queue.ensureGroup("probe");
        return queue.read("probe", "probe", 100, Duration.ZERO).stream().map(QueueEntry::item).toList();
    }

    private record UnreachableQueue(EventQueue delegate) implements EventQueue {

        @Override
        public List<String> append(List<? extends QueueItem> entries) {
            throw new StoreUnavailableException("queue unreachable");
        }

        @Override
        public void ensureGroup(String group) {
            delegate.ensureGroup(group);
        }

        @Override
        public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
            return delegate.read(group, consumer, count, block);
        }

        @Override
        public List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count) {
            return delegate.claimIdle(group, consumer, minIdle, count);
        }

        @Override
        public long ack(String group, List<String> ids) {
            return delegate.ack(group, ids);
        }

        @Override
        public boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts) {
            return delegate.deadLetter(group, entry, reason, detail, attempts);
        }

        @Override
        public DeadLetters deadLetters() {
            return delegate.deadLetters();
        }

        @Override
        public QueueStats stats(String group) {
            return delegate.stats(group);
        }
    }
}
