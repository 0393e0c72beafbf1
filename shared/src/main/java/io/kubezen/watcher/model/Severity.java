package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * Observation severity, most severe first. The wire form is the lowercase name, as the CRD's enum
 * requires; synonyms from source tools are mapped by the normalize stage, not here.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is the same as or more severe than {@code other}. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.wireName().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Severity ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown severity '" + value + "', expected one of critical, high, medium, low, info"));
    }
}
