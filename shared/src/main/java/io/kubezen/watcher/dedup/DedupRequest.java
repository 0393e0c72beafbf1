package io.kubezen.watcher.dedup;

import io.kubezen.watcher.store.SourceNames;

import java.time.Duration;
import java.util.Objects;

/**
 * One event to deduplicate.
 *
 * @param source      the Ingester (source) name; letters, digits, {@code .}, {@code _}, {@code -}
 * @param fingerprint identifies "the same event" within the source
 * @param window      how long after its first occurrence a repeat counts as a duplicate; see {@link DedupWindows}
 */
public record DedupRequest(String source, String fingerprint, Duration window) {

    public DedupRequest {
        SourceNames.check(source);
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
        Objects.requireNonNull(window, "window");
        if (window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
    }
}
