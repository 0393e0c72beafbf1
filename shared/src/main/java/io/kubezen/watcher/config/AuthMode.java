package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.kubezen.watcher.model.WireNamed;

/**
 * How a webhook sender proves who it is; the wire names are the CRD's {@code spec.webhook.auth.mode} enum. A
 * source that names no mode has none of these: it refuses every request, because accepting anyone must be a
 * decision ({@link #NONE}), never an omission.
 */
public enum AuthMode implements WireNamed {
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
    @Override
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    static AuthMode ofWire(String value) {
        return WireNamed.ofWire(AuthMode.class, value, "auth mode");
    }
}
