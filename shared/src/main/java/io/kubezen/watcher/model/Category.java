package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Observation category; the wire form is the lowercase name, as the CRD's enum requires. */
public enum Category implements WireNamed {
    SECURITY, COMPLIANCE, PERFORMANCE, OPERATIONS, COST;

    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromWire(String value) {
        return WireNamed.fromWire(Category.class, value);
    }

    @JsonCreator
    static Category ofWire(String value) {
        return WireNamed.ofWire(Category.class, value, "category");
    }
}
