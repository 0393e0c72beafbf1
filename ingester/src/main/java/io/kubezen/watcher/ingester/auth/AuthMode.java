package io.kubezen.watcher.ingester.auth;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a webhook source proves who is sending. {@link #UNCONFIGURED} is what a source gets when its
 * Ingester names no mode: it refuses every request, because accepting anyone must be a decision
 * ({@link #NONE}), never an omission.
 */
public enum AuthMode {
    UNCONFIGURED(null),
    NONE("none"),
    BEARER("bearer"),
    BASIC("basic"),
    HMAC("hmac"),
    CLIENT_CERT("clientCert");

    private final String wireName;

    AuthMode(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code webhook.auth.mode}; empty for {@link #UNCONFIGURED}, which cannot be written. */
    public Optional<String> wireName() {
        return Optional.ofNullable(wireName);
    }

    public static Optional<AuthMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName != null && m.wireName.equals(value)).findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(m -> m.wireName).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }
}
