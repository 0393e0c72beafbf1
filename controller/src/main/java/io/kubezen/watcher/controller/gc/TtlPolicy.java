package io.kubezen.watcher.controller.gc;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an Observation lives: its {@code spec.ttlSecondsAfterCreation}, else the default, always within
 * {@link #MIN_TTL} and {@link #MAX_TTL}, so neither a typo nor a huge value keeps the cluster from being
 * cleaned up or deletes events right after they were written.
 */
public record TtlPolicy(Duration defaultTtl) {

    public static final Duration MIN_TTL = Duration.ofSeconds(60);
    public static final Duration MAX_TTL = Duration.ofDays(365);
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    public TtlPolicy {
        if (defaultTtl == null || defaultTtl.compareTo(MIN_TTL) < 0 || defaultTtl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("default-ttl must be between " + MIN_TTL + " and " + MAX_TTL
                    + ", was " + defaultTtl);
        }
    }

    public Duration ttlOf(StoredObservation observation) {
        Long seconds = observation.ttlSecondsAfterCreation();
        if (seconds == null) {
            return defaultTtl;
        }
        Duration ttl = Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_TTL.getSeconds())));
        return ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl;
    }

    public boolean isExpired(StoredObservation observation, Instant now) {
        return !observation.createdAt().plus(ttlOf(observation)).isAfter(now);
    }
}
