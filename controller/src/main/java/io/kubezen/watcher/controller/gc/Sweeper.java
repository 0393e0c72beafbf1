package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.metrics.MetricNames;
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
 * bounded by the page size, whatever the number of Observations.
 */
public final class Sweeper {

    public static final int SAMPLE_SIZE = 10;

    private final ObservationStore store;
    private final TokenBucket limiter;
    private final int pageSize;
    private final MeterRegistry registry;

    public Sweeper(ObservationStore store, TokenBucket limiter, int pageSize, MeterRegistry registry) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page-size must be at least 1, was " + pageSize);
        }
        this.store = store;
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
        Counter deletions = deletions(sweep.reason());
        long scanned = 0;
        long matched = 0;
        long deleted = 0;
        List<String> sample = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredObservation> page = store.list(sweep.selector(), cursor, pageSize);
            for (StoredObservation observation : page.items()) {
                scanned++;
                if (!sweep.condition().test(observation)) {
                    continue;
                }
                matched++;
                if (sample.size() < SAMPLE_SIZE) {
                    sample.add(observation.key());
                }
                if (sweep.dryRun()) {
                    continue;
                }
                Duration wait = limiter.reserve();
                if (!wait.isZero() && !pause.await(wait)) {
                    return new SweepResult(scanned, matched, deleted, sample, false);
                }
                if (store.delete(observation)) {
                    deleted++;
                    deletions.increment();
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new SweepResult(scanned, matched, deleted, sample, true);
    }

    private Counter deletions(String reason) {
        return Counter.builder(MetricNames.OBSERVATIONS_DELETED)
                .description("Observations deleted by GC (ttl) or the cleanup endpoint (manual)")
                .tag(MetricNames.TAG_REASON, reason)
                .register(registry);
    }

    /** How a sweep waits for the rate limit; GC waits on its leadership term, so losing it stops the pass. */
    @FunctionalInterface
    public interface Pause {

        /** Waits {@code delay}; answers false when the sweep should stop instead. */
        boolean await(Duration delay) throws InterruptedException;
    }
}
