package io.kubezen.watcher.normalize;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.model.Severity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a tool's severity word into a {@link Severity} for one source: its {@code mapping.severityMap}
 * (exact word, then ignoring case), then the built-in {@link Severities synonyms}, then the source's default.
 */
public final class SeverityResolver {

    private final Map<String, Severity> exact;
    private final Map<String, Severity> folded;
    private final Severity defaultSeverity;

    private SeverityResolver(Map<String, Severity> exact, Severity defaultSeverity) {
        this.exact = exact;
        this.folded = new LinkedHashMap<>();
        exact.forEach((word, severity) -> folded.putIfAbsent(word.toLowerCase(Locale.ROOT), severity));
        this.defaultSeverity = defaultSeverity;
    }

    /**
     * Map values must be our severity names; a bad one is reported as {@code <field>.<word>}.
     *
     * @param field the severity map's path, {@code spec.mapping.severityMap}
     */
    public static SeverityResolver compile(Map<String, String> severityMap, Severity defaultSeverity,
                                           String field, ConfigErrors errors) {
        Map<String, Severity> exact = new LinkedHashMap<>();
        if (severityMap != null) {
            severityMap.forEach((word, value) -> {
                if (word == null) {
                    errors.add(field, "has an empty word");
                    return;
                }
                Severity.fromWire(value).ifPresentOrElse(severity -> exact.put(word, severity),
                        () -> errors.add(field + "." + word, "unknown severity '" + value
                                + "', expected one of critical, high, medium, low, info"));
            });
        }
        return new SeverityResolver(Map.copyOf(exact), defaultSeverity);
    }

    public Resolution resolve(String word) {
        if (word == null || word.isBlank()) {
            return new Resolution(defaultSeverity, null);
        }
        Severity mapped = exact.get(word);
        if (mapped == null) {
            mapped = folded.get(word.toLowerCase(Locale.ROOT));
        }
        if (mapped == null) {
            mapped = Severities.synonym(word).orElse(null);
        }
        return mapped != null ? new Resolution(mapped, null) : new Resolution(defaultSeverity, word);
    }

    /** @param unmappedWord the word that matched nothing, kept so the operator can extend the map; else null */
    public record Resolution(Severity severity, String unmappedWord) {
    }
}
