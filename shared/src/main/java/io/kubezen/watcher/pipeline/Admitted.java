package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.queue.QueuedObservation;

import java.util.List;

/**
 * What {@link Admission#admit} did with a batch.
 *
 * @param queued     the first occurrences, durably in the queue, in batch order
 * @param duplicates events discarded as repeats within their window
 */
public record Admitted(List<QueuedObservation> queued, int duplicates) {

    public Admitted {
        queued = List.copyOf(queued);
    }
}
