package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.store.StoreUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The stages after the pure ones, shared by the ingester's receive path and the controller's informer sources:
 * dedup and queue, in the one atomic step of the {@link AdmissionStore}. An event is either recorded and queued
 * (or, as a duplicate, counted), or not touched, so a failure needs no undoing: the sender's retry finds the events
 * that got in duplicates, and queues the rest.
 */
public final class Admission {

    private final AdmissionStore store;
    private final DedupWindows windows;
    private final Clock clock;

    public Admission(AdmissionStore store, DedupWindows windows, Clock clock) {
        this.store = store;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Deduplicates {@code events} of one source and queues the first occurrences.
     *
     * @throws StoreUnavailableException when the store cannot be reached or the queue is full
     */
    public Admitted admit(String source, List<IngestedEvent> events) {
        try {
            return admitAsync(source, events).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * {@link #admit} without holding the caller's thread while the store answers: the stage fails as {@code admit}
     * would throw. It may complete on a Redis client's I/O thread; the little that follows the store's answer does
     * not block.
     */
    public CompletionStage<Admitted> admitAsync(String source, List<IngestedEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(new Admitted(List.of(), 0));
        }
        List<AdmissionRequest> requests = new ArrayList<>(events.size());
        try {
            for (IngestedEvent event : events) {
                DedupPolicy policy = event.dedup();
                Duration window = !policy.enabled() ? null
                        : policy.pinned() ? policy.window() : windows.windowFor(source, policy.window());
                requests.add(new AdmissionRequest(source, event.fingerprint(), event.observation(), window));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.admitAsync(requests).thenApply(results -> admitted(events, results));
    }

    private Admitted admitted(List<IngestedEvent> events, List<DedupResult> results) {
        List<QueuedObservation> queued = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DedupResult result = results.get(i);
            if (result == null || result.firstOccurrence()) {
                IngestedEvent event = events.get(i);
                queued.add(new QueuedObservation(event.observation(), event.fingerprint(),
                        result == null ? clock.instant() : result.record().firstSeen()));
            }
        }
        return new Admitted(queued, events.size() - queued.size());
    }
}
