package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Duplicate suppression for a source. A window runs from the first occurrence of an event: repeats within it
 * are counted, not emitted, and the first repeat after it starts a new window.
 *
 * @param windowSeconds     the source's own window; setting it keeps it fixed unless {@code adaptive} is true.
 *                          Absent: {@value #DEFAULT_WINDOW_SECONDS}, or the adaptive tuner's window
 * @param adaptive          whether the adaptive tuner's window applies; absent: true exactly when
 *                          {@code windowSeconds} is absent
 * @param fingerprintFields Observation fields (paths such as {@code details.hostname}, see
 *                          {@code docs/sources.md}) that identify "the same event"; absent: the type's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DedupSpec(Boolean enabled, Long windowSeconds, Boolean adaptive, List<String> fingerprintFields) {

    public static final boolean DEFAULT_ENABLED = true;
    public static final long DEFAULT_WINDOW_SECONDS = 300;
}
