package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.metrics.GcMeters;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What one {@link Sweeper} pass deletes.
 *
 * @param condition which of the selected Observations to delete
 * @param dryRun    count and sample what would go, delete nothing
 * @param reason    the {@code reason} tag of the deletions metric: {@link #TTL} or {@link #MANUAL}
 */
public record Sweep(ObservationSelector selector, Predicate<StoredObservation> condition, boolean dryRun,
                    String reason) {

    /** GC deleting Observations past their TTL. */
    public static final String TTL = GcMeters.TTL;
    /** The cleanup endpoint. */
    public static final String MANUAL = "manual";

    public Sweep {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(reason, "reason");
    }
}
