package io.kubezen.watcher.normalize;

import io.kubezen.watcher.model.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in severity synonyms every source shares. Tools disagree on words ("warning", "error",
 * "notice"), so each word is pinned here once; a source's {@code mapping.severityMap} is consulted first.
 */
public final class Severities {

    private static final Map<String, Severity> SYNONYMS = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL),
            Map.entry("fatal", Severity.CRITICAL),
            Map.entry("emergency", Severity.CRITICAL),
            Map.entry("high", Severity.HIGH),
            Map.entry("error", Severity.HIGH),
            Map.entry("alert", Severity.HIGH),
            Map.entry("medium", Severity.MEDIUM),
            Map.entry("warning", Severity.MEDIUM),
            Map.entry("warn", Severity.MEDIUM),
            Map.entry("low", Severity.LOW),
            Map.entry("notice", Severity.LOW),
            Map.entry("informational", Severity.LOW),
            Map.entry("info", Severity.INFO),
            Map.entry("debug", Severity.INFO),
            // kube-prometheus's Watchdog and InfoInhibitor alerts: signals with no severity of their own.
            Map.entry("none", Severity.INFO));

    private Severities() {
    }

    /** The severity a word means, ignoring case and surrounding blanks; empty for words we do not know. */
    public static Optional<Severity> synonym(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(SYNONYMS.get(word.trim().toLowerCase(Locale.ROOT)));
    }
}
