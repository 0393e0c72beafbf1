package io.kubezen.watcher.source.falco;

import io.kubezen.watcher.model.Severity;

import java.util.Locale;
import java.util.Map;

/**
 * Falco's eight priorities, pinned here rather than left to the shared synonyms, which read two of the
 * words differently: Falco ranks Alert above Critical (the synonyms say high), and Informational is Falco's
 * second-lowest level (the synonyms say low). See docs/sources.md for the table.
 */
final class FalcoPriorities {

    private static final Map<String, Severity> PRIORITIES = Map.of(
            "emergency", Severity.CRITICAL,
            "alert", Severity.CRITICAL,
            "critical", Severity.CRITICAL,
            "error", Severity.HIGH,
            "warning", Severity.MEDIUM,
            "notice", Severity.LOW,
            "informational", Severity.INFO,
            "info", Severity.INFO,
            "debug", Severity.INFO);

    private FalcoPriorities() {
    }

    /** Our severity's name for a Falco priority, or the priority itself for the shared synonyms to try. */
    static String severityWord(String priority) {
        Severity severity = PRIORITIES.get(priority.strip().toLowerCase(Locale.ROOT));
        return severity == null ? priority : severity.wireName();
    }
}
