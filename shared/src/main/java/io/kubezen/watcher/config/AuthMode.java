package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** How a webhook sender proves who it is; the wire names are the CRD's {@code spec.webhook.auth.mode} enum. */
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
        for (AuthMode m : values()) {
            if (m.wireName.equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static AuthMode ofWire(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown auth mode '" + value + "', expected one of none, bearer, basic, hmac, clientCert"));
    }
}
