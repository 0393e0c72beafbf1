package io.kubezen.watcher.queue;

import java.util.Map;

/**
 * An entry as read from the queue: its id (for {@link EventQueue#ack}) and its stored fields. The fields
 * are kept raw so that an entry that cannot be decoded can still be moved to the dead letters as it was.
 *
 * @param deliveries how many times the entry has been delivered, this time included: 1 when first read, one
 *                   more with every {@link EventQueue#claimIdle}. The writer dead-letters entries that keep coming back.
 */
public record QueueEntry(String id, Map<String, String> fields, int deliveries) {

    public QueueEntry {
        fields = Map.copyOf(fields);
        if (deliveries < 1) {
            throw new IllegalArgumentException("an entry read from the queue was delivered at least once, not " + deliveries);
        }
    }

    /** @throws IllegalArgumentException when the fields do not hold a valid queue item */
    public QueueItem item() {
        return QueuedObservationCodec.decode(fields);
    }

    /** @throws IllegalArgumentException when the fields do not hold a valid queued observation */
    public QueuedObservation observation() {
        if (item() instanceof QueuedObservation observation) {
            return observation;
        }
        throw new IllegalArgumentException("queue entry " + id + " is a status update, not an observation");
    }
}
