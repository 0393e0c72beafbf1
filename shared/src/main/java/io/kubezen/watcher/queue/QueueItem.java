package io.kubezen.watcher.queue;

import java.time.Instant;

/**
 * What the receive path hands to the writers through the queue: an Observation to create, or a status update
 * for one. Both belong to one dedup record, named by source, fingerprint and the time it began.
 */
public sealed interface QueueItem permits QueuedObservation, StatusHint {

    String source();

    String fingerprint();

    Instant firstSeen();
}
