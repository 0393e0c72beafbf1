package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.admission.memory.InMemoryAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dedup and the queue in one step: what the receive path and the informer sources share. */
class AdmissionTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryDedupStore dedup = new InMemoryDedupStore(clock, 100, DedupStore.DEFAULT_STATUS_INTERVAL);
    private final InMemoryEventQueue queue = new InMemoryEventQueue(100, clock);

    @Test
    void queuesFirstOccurrencesWithTheirFirstSeenAndCountsDuplicates() throws Exception {
        Admission admission = admission(queue);

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
    void withoutDedupEveryEventIsQueuedAtTheClocksTime() throws Exception {
        Admission admission = admission(queue);

        Admitted admitted = admission.admit("hook", events("{enabled: false}", "a", "a"));

        assertThat(admitted.queued()).hasSize(2).extracting(QueuedObservation::firstSeen).containsOnly(Fixtures.NOW);
        assertThat(dedup.get("hook", admitted.queued().get(0).fingerprint())).isEmpty();
    }

    @Test
    void aFullQueueRefusesTheBatchAndRecordsNothingSoTheRetryIsNew() throws Exception {
        InMemoryEventQueue full = new InMemoryEventQueue(1, clock);
        List<IngestedEvent> events = events("{}", "a", "b");

        assertThatThrownBy(() -> admission(full).admit("hook", events)).isInstanceOf(QueueFullException.class);

        assertThat(dedup.get("hook", events.get(0).fingerprint())).isEmpty();
        assertThat(admission(queue).admit("hook", events).queued()).hasSize(2);
    }

    @Test
    void aRepeatInTheSameBatchIsQueuedOnce() throws Exception {
        Admission admission = admission(queue);

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

    private List<QueueItem> queuedItems() {
        queue.ensureGroup("probe");
        return queue.read("probe", "probe", 100, Duration.ZERO).stream().map(QueueEntry::item).toList();
    }

    private Admission admission(InMemoryEventQueue into) {
        return new Admission(new InMemoryAdmissionStore(dedup, into, clock), new InMemoryDedupWindows(), clock);
    }
}
