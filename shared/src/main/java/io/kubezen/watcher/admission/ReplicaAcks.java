package io.kubezen.watcher.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * How many replicas must hold the admission step's writes before the sender gets 2xx. Redis replicates
 * asynchronously: a master that fails after answering, before its replicas got the writes, loses them, and the
 * replica promoted in its place has never heard of events the sender was told were accepted. Waiting for replicas
 * ({@code WAIT}) closes that window; the price is a round trip to the replicas per request.
 *
 * @param replicas how many replicas must acknowledge; 0 waits for none
 * @param timeout  how long to wait for them before the request is refused with 503, and the sender retries
 */
public record ReplicaAcks(int replicas, Duration timeout) {

    public static final ReplicaAcks NONE = new ReplicaAcks(0, Duration.ofSeconds(1));

    public ReplicaAcks {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the replica timeout must be positive, was " + timeout);
        }
    }

    public boolean enabled() {
        return replicas > 0;
    }
}
