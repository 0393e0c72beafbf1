package io.kubezen.watcher.queue;

import io.kubezen.watcher.store.StoreUnavailableException;

/**
 * The queue holds its capacity of unacknowledged entries and refused a batch rather than drop anything.
 * It is a kind of unavailability: the sender gets 503 and retries once the writers have caught up.
 */
public final class QueueFullException extends StoreUnavailableException {

    public QueueFullException(long length, int batch, long capacity) {
        super("Queue is full: " + length + " entries waiting, a batch of " + batch + " would exceed the capacity of "
                + capacity);
    }
}
