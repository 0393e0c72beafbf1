package io.kubezen.watcher.projection;

import io.kubezen.watcher.config.IngesterSpec;

import java.util.Map;

/**
 * Where the controller publishes the compiled Ingesters and every ingester reads them. A publication
 * replaces the whole document at once, so a reader sees one version or the next, never a mix.
 */
public interface ConfigProjection {

    /** The current document; {@link ProjectedConfig#EMPTY} before the first publication. */
    ProjectedConfig read();

    /**
     * Replaces the document, increments its version and notifies listeners (after the write, so a listener
     * that reads on notice sees it).
     *
     * @return the new version
     */
    long publish(Map<String, IngesterSpec> sources);

    /**
     * Calls {@code onChange} after each publication, from any process, on a thread of the implementation.
     * Notices may be lost (a reconnect), so listeners also re-read from time to time.
     *
     * @return stops listening
     */
    AutoCloseable listen(Runnable onChange);
}
