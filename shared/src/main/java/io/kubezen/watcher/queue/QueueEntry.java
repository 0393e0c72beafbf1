package io.kubezen.watcher.queue;

import java.util.Map;

/**
 * An entry as read from the queue: its id (for {@link EventQueue#ack}) and its stored fields. The fields
 * are kept raw so that an entry that cannot be decoded can still be moved to the dead letters as it was.
 */
public record QueueEntry(String id, Map<String, String> fields) {

    public QueueEntry {
        fields = Map.copyOf(fields);
    }

    /** @throws IllegalArgumentException when the fields do not hold a valid queued observation */
    public QueuedObservation observation() {
        return QueuedObservationCodec.decode(fields);
    }
}
