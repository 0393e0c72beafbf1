package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.model.Severity;

/**
 * A read of the local file, newest first.
 *
 * @param source   only Observations of this source; null for all
 * @param severity only Observations of exactly this severity; null for all
 * @param limit    at most this many, between 1 and {@link #MAX_LIMIT}
 */
public record ObservationQuery(String source, Severity severity, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public ObservationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    boolean matches(StoredObservation stored) {
        return (source == null || source.equals(stored.spec().source()))
                && (severity == null || severity == stored.spec().severity());
    }
}
