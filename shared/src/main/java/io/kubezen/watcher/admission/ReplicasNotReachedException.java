package io.kubezen.watcher.admission;

import io.kubezen.watcher.store.StoreUnavailableException;

import java.time.Duration;

/**
 * The admission step is done on the master, but fewer replicas than required hold it after the wait. The events may
 * not survive a failover, so the sender gets 503 and retries; the retry finds them duplicates if they survived, and
 * admits them again if not.
 */
public final class ReplicasNotReachedException extends StoreUnavailableException {

    public ReplicasNotReachedException(long reached, ReplicaAcks required) {
        super("Only " + reached + " of " + required.replicas() + " Redis replicas acknowledged the admission within "
                + required.timeout().toMillis() + " ms");
    }
}
