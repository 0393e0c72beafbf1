package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.IngesterStatus;

import java.time.Instant;

/** Writes an Ingester's status through the status subresource, so the spec (owned by its author) is never touched. */
public interface StatusWriter {

    /**
     * Writes what the sync step decides; a null {@code servedGeneration} or {@code configVersion} removes the
     * field, and {@code lastEventAt} is left as it is.
     *
     * @throws RuntimeException when the API refuses or cannot answer; the caller retries with backoff
     */
    void write(String namespace, String name, IngesterStatus status);

    /**
     * Writes {@code status.lastEventAt} alone.
     *
     * @throws RuntimeException when the API refuses or cannot answer; the caller tries again next interval
     */
    void writeLastEventAt(String namespace, String name, Instant lastEventAt);
}
