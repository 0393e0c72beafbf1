package io.kubezen.watcher.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Observation category; the wire form is the lowercase name, as the CRD's enum requires. */
public enum Category {
    SECURITY, COMPLIANCE, PERFORMANCE, OPERATIONS, COST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Category c : values()) {
            if (c.wireName().equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Category ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown category '" + value + "', expected one of security, compliance, performance, operations, cost"));
    }
}
