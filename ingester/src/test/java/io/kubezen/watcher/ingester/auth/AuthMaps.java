package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SpecJson;

import java.util.HashMap;
import java.util.Map;

/** Reads a {@code webhook.auth} written as maps the way the ingester reads a configured source's. */
final class AuthMaps {

    private AuthMaps() {
    }

    /** @param auth null for a spec without {@code webhook.auth} */
    static AuthSettings read(Map<String, ?> auth) {
        Map<String, Object> spec = new HashMap<>(Map.of("source", "webhook", "type", "webhook"));
        if (auth != null) {
            spec.put("webhook", Map.of("auth", auth));
        }
        IngesterSpec read = SpecJson.convert(spec);
        return AuthSettingsReader.read(read.webhook() == null ? null : read.webhook().auth());
    }
}
