package io.kubezen.watcher.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Events per source over recent time, so the controller's tuner can pick each source's dedup window and the
 * controller can tell when a source last received events. Counts go into {@link TrafficBuckets} that are kept
 * for a limited retention, which bounds what {@link #sum} and {@link #lastCounted} can look back on.
 */
public interface TrafficCounter {

    /** Called by the receive path once per batch and source with the number of events received. */
    void add(String source, long events);

    /**
     * The events counted in the buckets that overlap the last {@code period}, so up to one bucket more than
     * the period itself. Called by the tuner.
     *
     * @throws IllegalArgumentException when {@code period} is not positive or longer than the retention
     */
    long sum(String source, Duration period);

    /**
     * The start of the newest bucket that overlaps the last {@code period} and counted events of the source;
     * empty when none did. Called by the controller for the Ingesters' {@code status.lastEventAt}.
     *
     * @throws IllegalArgumentException when {@code period} is not positive or longer than the retention
     */
    Optional<Instant> lastCounted(String source, Duration period);

    /**
     * The sources with events counted within the retention, so the tuner also finds sources nobody listed.
     * Walks every source's buckets, so it is for the tuner's periodic step, not the receive path.
     */
    Set<String> sources();
}
