package io.kubezen.watcher.admission.memory;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The admission step of the embedded, single-process mode: the dedup store records the batch while the queue's lock
 * is held, and what follows is appended under the same lock, so deciding and queueing are one step here too. The
 * queue must have room for one entry per event before anything is recorded, as in Redis.
 */
public final class InMemoryAdmissionStore implements AdmissionStore {

    private final InMemoryDedupStore records;
    private final InMemoryEventQueue queue;
    private final Clock clock;

    public InMemoryAdmissionStore(InMemoryDedupStore records, InMemoryEventQueue queue, Clock clock) {
        this.records = records;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public CompletionStage<List<DedupResult>> admitAsync(List<AdmissionRequest> batch) {
        try {
            return CompletableFuture.completedFuture(queue.appendDecided(batch.size(), () -> decide(batch)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private InMemoryEventQueue.Decision<List<DedupResult>> decide(List<AdmissionRequest> batch) {
        List<DedupRequest> dedup = batch.stream().filter(AdmissionRequest::deduplicates)
                .map(AdmissionRequest::dedup).toList();
        List<DedupResult> recorded = records.record(dedup);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<DedupResult> results = new ArrayList<>(batch.size());
        List<QueueItem> items = new ArrayList<>();
        int next = 0;
        for (AdmissionRequest request : batch) {
            DedupResult result = request.deduplicates() ? recorded.get(next++) : null;
            results.add(result);
            if (result == null || result.firstOccurrence()) {
                items.add(new QueuedObservation(request.observation(), request.fingerprint(),
                        result == null ? now : result.record().firstSeen()));
            } else if (result.statusDueAt() != null) {
                DedupRecord record = result.record();
                items.add(new StatusHint(request.source(), request.fingerprint(), record.firstSeen(),
                        request.observation().namespace(), result.statusDueAt(), record.lastSeen(), record.count()));
            }
        }
        return new InMemoryEventQueue.Decision<>(items, results);
    }
}
