package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * Observation severity, most severe first. The wire form is the lowercase name, as the CRD's enum
 * requires; synonyms from source tools are mapped by the normalize stage, not here.
 */
public enum Severity implements WireNamed {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Made once: every admitted event asks for it several times (labels, metrics, its JSON). */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    /** True when this severity is the same as or more severe than {@code other}. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> fromWire(String value) {
        return WireNamed.fromWire(Severity.class, value);
    }

    @JsonCreator
    static Severity ofWire(String value) {
        return WireNamed.ofWire(Severity.class, value, "severity");
    }
}
