package io.kubezen.watcher.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an Observation lives: its {@code spec.ttlSecondsAfterCreation}, else the default, always within
 * {@link #MIN_TTL} and {@link #MAX_TTL}, so neither a typo nor a huge value keeps Observations from being
 * cleaned up or deletes events right after they were written. The controller's GC applies it in the cluster, the
 * local sink to its file.
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

    /** @param ttlSecondsAfterCreation the spec field; null when the Observation does not set it */
    public Duration ttlOf(Long ttlSecondsAfterCreation) {
        if (ttlSecondsAfterCreation == null) {
            return defaultTtl;
        }
        Duration ttl = Duration.ofSeconds(Math.max(0, Math.min(ttlSecondsAfterCreation, MAX_TTL.getSeconds())));
        return ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl;
    }

    public boolean isExpired(Instant createdAt, Long ttlSecondsAfterCreation, Instant now) {
        return !createdAt.plus(ttlOf(ttlSecondsAfterCreation)).isAfter(now);
    }
}
