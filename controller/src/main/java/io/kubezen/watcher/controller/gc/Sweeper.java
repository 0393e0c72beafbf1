package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.metrics.GcMeters;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.throttle.TokenBucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the stored Observations one page at a time and deletes those a {@link Sweep} selects, each delete
 * through the shared {@link TokenBucket}: GC and manual cleanup together stay within one rate limit. Memory is
 * bounded by the page size, whatever the number of Observations. Every sweep stays within the install's
 * {@link CollectionScope}, whatever its selector says.
 */
public final class Sweeper {

    public static final int SAMPLE_SIZE = 10;

    private final ObservationStore store;
    private final CollectionScope scope;
    private final TokenBucket limiter;
    private final int pageSize;
    private final MeterRegistry registry;

    public Sweeper(ObservationStore store, CollectionScope scope, TokenBucket limiter, int pageSize,
                   MeterRegistry registry) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page-size must be at least 1, was " + pageSize);
        }
        this.store = store;
        this.scope = scope;
        this.limiter = limiter;
        this.pageSize = pageSize;
        this.registry = registry;
        // Both reasons exist at zero from the start, so that a rate of deletions is 0 rather than absent.
        deletions(Sweep.TTL);
        deletions(Sweep.MANUAL);
    }

    /**
     * @param pause waits out the rate limit before a delete, and answers false to stop the pass
     * @throws io.kubezen.watcher.store.StoreUnavailableException when the API server fails; what was deleted
     *                                                            so far stays deleted
     */
    public SweepResult sweep(Sweep sweep, Pause pause) throws InterruptedException {
        Tally tally = new Tally(deletions(sweep.reason()));
        for (ObservationSelector listing : scope.listings(sweep.selector())) {
            if (!sweepListing(listing, sweep, pause, tally)) {
                return tally.result(false);
            }
        }
        return tally.result(true);
    }

    /** False when the pause stopped the sweep. */
    private boolean sweepListing(ObservationSelector listing, Sweep sweep, Pause pause, Tally tally)
            throws InterruptedException {
        String cursor = null;
        do {
            Page<StoredObservation> page = store.list(listing, cursor, pageSize);
            for (StoredObservation observation : page.items()) {
                tally.scanned();
                if (!sweep.condition().test(observation)) {
                    continue;
                }
                tally.matched(observation);
                if (sweep.dryRun()) {
                    continue;
                }
                Duration wait = limiter.reserve();
                if (!wait.isZero() && !pause.await(wait)) {
                    return false;
                }
                if (store.delete(observation)) {
                    tally.deleted();
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return true;
    }

    private Counter deletions(String reason) {
        return GcMeters.deleted(registry, reason);
    }

    /** How a sweep waits for the rate limit; GC waits on its leadership term, so losing it stops the pass. */
    @FunctionalInterface
    public interface Pause {

        /** Waits {@code delay}; answers false when the sweep should stop instead. */
        boolean await(Duration delay) throws InterruptedException;
    }

    /** What one sweep saw and did, over all its listings. */
    private static final class Tally {

        private final Counter deletions;
        private final List<String> sample = new ArrayList<>();
        private long scanned;
        private long matched;
        private long deleted;

        Tally(Counter deletions) {
            this.deletions = deletions;
        }

        void scanned() {
            scanned++;
        }

        void matched(StoredObservation observation) {
            matched++;
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(observation.key());
            }
        }

        void deleted() {
            deleted++;
            deletions.increment();
        }

        SweepResult result(boolean complete) {
            return new SweepResult(scanned, matched, deleted, sample, complete);
        }
    }
}
