package io.kubezen.watcher.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant with the name it has on the wire (in a CRD's enum, a JSON field, a metric label), and the
 * lookups every such enum offers, written once: by wire name, and strictly, naming every wire name when the
 * value is none of them.
 */
public interface WireNamed {

    String wireName();

    /** The constant of {@code type} whose wire name is {@code value}; empty for null or an unknown name. */
    static <E extends Enum<E> & WireNamed> Optional<E> fromWire(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.wireName().equals(value)).findFirst();
    }

    /** As {@link #fromWire}, failing for an unknown name with a message that says what {@code what} may be. */
    static <E extends Enum<E> & WireNamed> E ofWire(Class<E> type, String value, String what) {
        return fromWire(type, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + what + " '" + value + "', expected one of " + wireNames(type)));
    }

    /** Every wire name of {@code type}, in declaration order, comma-separated. */
    static <E extends Enum<E> & WireNamed> String wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", "));
    }
}
