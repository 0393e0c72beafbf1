package io.kubezen.watcher.queue;

/**
 * What the receive path hands to the writers through the queue: an Observation to create, or a status update
 * for one. Both belong to one dedup record, named by source and fingerprint.
 */
public sealed interface QueueItem permits QueuedObservation, StatusHint {

    String source();

    String fingerprint();
}
