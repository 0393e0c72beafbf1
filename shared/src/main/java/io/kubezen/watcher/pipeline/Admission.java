package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The stages after the pure ones, shared by the ingester's receive path and the controller's informer sources:
 * dedup, then the queue. Events that are new are appended in one all-or-nothing batch, and only then are their
 * dedup records marked queued. A record that was never marked (its creator died between the two steps, or Redis
 * failed there) makes the next occurrence count as unqueued and be queued again, so an acknowledged retry is never
 * discarded as the duplicate of an event that never reached the queue. When a store fails, the records this call
 * created are also forgotten before the failure is rethrown, so the retry starts a fresh record.
 *
 * <p>A repeat that the dedup store schedules a status update for (at most one per record per status interval)
 * queues a {@link StatusHint} with the batch, so that the writers bring the Observation's count and last-seen time
 * up to date.
 */
public final class Admission {

    /** Told when a record could not be forgotten after a failure; the retry then queues under that record. */
    @FunctionalInterface
    public interface RollbackListener {
        RollbackListener NOOP = source -> { };

        void rollbackFailed(String source);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    private final DedupStore dedupStore;
    private final DedupWindows windows;
    private final EventQueue queue;
    private final Clock clock;
    private final RollbackListener rollbackListener;

    public Admission(DedupStore dedupStore, DedupWindows windows, EventQueue queue, Clock clock,
                     RollbackListener rollbackListener) {
        this.dedupStore = dedupStore;
        this.windows = windows;
        this.queue = queue;
        this.clock = clock;
        this.rollbackListener = rollbackListener;
    }

    /**
     * Deduplicates {@code events} of one source and queues the first occurrences.
     *
     * @throws StoreUnavailableException when the dedup store or the queue cannot be reached; nothing was queued
     */
    public Admitted admit(String source, List<IngestedEvent> events) {
        try {
            List<DedupResult> outcomes = dedup(source, events).toCompletableFuture().join();
            return queue(source, events, outcomes).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * {@link #admit} without holding the caller's thread while the stores answer: the stage fails as
     * {@code admit} would throw. The steps after dedup never block. For a single event they run where the dedup
     * store completes its stage (a Redis client's I/O thread): writing one queue entry there is cheaper than a
     * thread hand-off. A batch's entries are written on {@code batchExecutor} instead, because that one I/O
     * thread serves every request's replies and writing hundreds of entries on it would hold them all up.
     */
    public CompletionStage<Admitted> admitAsync(String source, List<IngestedEvent> events, Executor batchExecutor) {
        CompletionStage<List<DedupResult>> outcomes;
        try {
            outcomes = dedup(source, events);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return events.size() > 1
                ? outcomes.thenComposeAsync(results -> queue(source, events, results), batchExecutor)
                : outcomes.thenCompose(results -> queue(source, events, results));
    }

    private CompletionStage<Admitted> queue(String source, List<IngestedEvent> events, List<DedupResult> outcomes) {
        List<QueuedObservation> firsts = new ArrayList<>(events.size());
        List<StatusHint> hints = new ArrayList<>();
        List<String> created = new ArrayList<>();
        Set<String> toMark = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            DedupResult outcome = outcomes.get(i);
            IngestedEvent event = events.get(i);
            // A repeat later in the same batch finds the record unqueued too; this batch queues it once.
            if (outcome == null || outcome.mustQueue() && toMark.add(event.fingerprint())) {
                firsts.add(new QueuedObservation(event.observation(), event.fingerprint(),
                        outcome == null ? clock.instant() : outcome.record().firstSeen()));
                if (outcome != null && outcome.firstOccurrence()) {
                    created.add(event.fingerprint());
                }
            }
            if (outcome != null && outcome.statusDueAt() != null) {
                DedupRecord record = outcome.record();
                hints.add(new StatusHint(source, event.fingerprint(), record.firstSeen(),
                        event.observation().namespace(), outcome.statusDueAt(), record.lastSeen(), record.count()));
            }
        }
        Admitted admitted = new Admitted(firsts, events.size() - firsts.size());
        if (firsts.isEmpty() && hints.isEmpty()) {
            return CompletableFuture.completedFuture(admitted);
        }
        List<QueueItem> items = new ArrayList<>(firsts.size() + hints.size());
        items.addAll(firsts);
        items.addAll(hints);
        return queue.appendAsync(items).handle((ids, failure) -> {
            if (failure == null) {
                return markQueued(source, List.copyOf(toMark)).thenApply(done -> admitted);
            }
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            // Only records this attempt created are forgotten: an unqueued record may belong to an attempt that
            // did queue its event, and forgetting it would give the sender's retry a new first-seen time, so a
            // second Observation. Status updates it could not queue are withdrawn, so the retry schedules them.
            if (!(cause instanceof StoreUnavailableException)) {
                return CompletableFuture.<Admitted>failedFuture(cause);
            }
            return forget(source, created)
                    .thenCompose(done -> dedupStore.cancelStatusAsync(source,
                            hints.stream().map(StatusHint::fingerprint).toList()))
                    .<Admitted>thenCompose(done -> CompletableFuture.failedFuture(cause));
        }).thenCompose(Function.identity());
    }

    /**
     * Completes once the records are marked or the marking failed; never fails. The events are queued already, so
     * a record left unmarked only means that a later duplicate is queued once more and meets AlreadyExists.
     */
    private CompletionStage<Void> markQueued(String source, List<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return dedupStore.markQueuedAsync(source, fingerprints).handle((done, failure) -> {
            if (failure != null) {
                LOG.warn("Could not mark {} dedup records of source {} queued; a duplicate within their window will "
                        + "be queued again and meet AlreadyExists: {}", fingerprints.size(), source, failure.toString());
            }
            return null;
        });
    }

    /** One result per event, null where the source does not deduplicate. */
    private CompletionStage<List<DedupResult>> dedup(String source, List<IngestedEvent> events) {
        List<DedupRequest> requests = new ArrayList<>(events.size());
        List<Integer> positions = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            IngestedEvent event = events.get(i);
            DedupPolicy policy = event.dedup();
            if (policy.enabled()) {
                Duration window = policy.pinned() ? policy.window() : windows.windowFor(source, policy.window());
                requests.add(new DedupRequest(source, event.fingerprint(), window));
                positions.add(i);
            }
        }
        List<DedupResult> results = new ArrayList<>(Collections.nCopies(events.size(), (DedupResult) null));
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(results);
        }
        return dedupStore.recordAsync(requests).thenApply(recorded -> {
            for (int i = 0; i < recorded.size(); i++) {
                results.set(positions.get(i), recorded.get(i));
            }
            return results;
        });
    }

    /** Completes once every record was forgotten or given up on; never fails. */
    private CompletionStage<Void> forget(String source, List<String> fingerprints) {
        CompletableFuture<?>[] deletions = new CompletableFuture<?>[fingerprints.size()];
        for (int i = 0; i < fingerprints.size(); i++) {
            String fingerprint = fingerprints.get(i);
            deletions[i] = dedupStore.forgetAsync(source, fingerprint).handle((deleted, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not forget dedup record {} of source {} after a failed queue append; a retry of "
                            + "that event is queued under the record's first-seen time.", fingerprint, source);
                    rollbackListener.rollbackFailed(source);
                }
                return null;
            }).toCompletableFuture();
        }
        return CompletableFuture.allOf(deletions);
    }
}
