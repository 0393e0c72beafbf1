package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Observation category; the wire form is the lowercase name, as the CRD's enum requires. */
public enum Category implements WireNamed {
    SECURITY, COMPLIANCE, PERFORMANCE, OPERATIONS, COST;

    /** Made once: every admitted event asks for it several times (labels, metrics, its JSON). */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<Category> fromWire(String value) {
        return WireNamed.fromWire(Category.class, value);
    }

    @JsonCreator
    static Category ofWire(String value) {
        return WireNamed.ofWire(Category.class, value, "category");
    }
}
