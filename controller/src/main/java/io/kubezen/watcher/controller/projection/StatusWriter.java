package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.IngesterStatus;

/** Writes an Ingester's status through the status subresource, so the spec (owned by its author) is never touched. */
public interface StatusWriter {

    /** @throws RuntimeException when the API refuses or cannot answer; the caller retries with backoff */
    void write(String namespace, String name, IngesterStatus status);
}
