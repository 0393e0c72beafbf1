package io.kubezen.watcher.controller.gc;

import java.util.List;

/**
 * What a {@link Sweeper} pass found and did.
 *
 * @param scanned  Observations listed
 * @param matched  of those, the ones the sweep's condition selected
 * @param deleted  of those, the ones this pass deleted (others were gone already, or it was a dry run)
 * @param sample   the first few matched ones, as {@code namespace/name}
 * @param complete false when the pass was stopped before it listed everything
 */
public record SweepResult(long scanned, long matched, long deleted, List<String> sample, boolean complete) {

    public SweepResult {
        sample = List.copyOf(sample);
    }
}
