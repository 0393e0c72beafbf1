package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a webhook sender proves who it is; the wire names are the CRD's {@code spec.webhook.auth.mode} enum. A
 * source that names no mode has none of these: it refuses every request, because accepting anyone must be a
 * decision ({@link #NONE}), never an omission.
 */
public enum AuthMode {
    NONE("none"),
    BEARER("bearer"),
    BASIC("basic"),
    HMAC("hmac"),
    CLIENT_CERT("clientCert");

    private final String wireName;

    AuthMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<AuthMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(AuthMode::wireName).collect(Collectors.joining(", "));
    }

    @JsonCreator
    static AuthMode ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown auth mode '" + value + "', expected one of " + wireNames()));
    }
}
