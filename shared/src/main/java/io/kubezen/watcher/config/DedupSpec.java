package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Duplicate suppression for a source.
 *
 * @param pinned            true: the adaptive tuner never changes this source's window
 * @param fingerprintFields Observation fields (paths such as {@code details.hostname}, see
 *                          {@code docs/sources.md}) that identify "the same event"; absent: the type's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DedupSpec(Boolean enabled, Long windowSeconds, Boolean pinned, List<String> fingerprintFields) {

    public static final boolean DEFAULT_ENABLED = true;
    public static final long DEFAULT_WINDOW_SECONDS = 300;
    public static final boolean DEFAULT_PINNED = false;
}
