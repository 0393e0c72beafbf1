package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} value of a paged list, shaped like the real one: the version of the first page (so
 * every page reads the same snapshot) and the key to start after.
 */
record ContinueToken(long resourceVersion, String startKey) {

    String encode() {
        String json = Json.object().put("v", "meta.k8s.io/v1").put("rv", resourceVersion).put("start", startKey)
                .toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static ContinueToken decode(String token) {
        try {
            JsonNode json = Json.parse(Base64.getUrlDecoder().decode(token));
            if (!"meta.k8s.io/v1".equals(json.path("v").asText()) || !json.path("rv").canConvertToLong()) {
                throw new IllegalArgumentException("unrecognized token");
            }
            return new ContinueToken(json.path("rv").asLong(), json.path("start").asText());
        } catch (IllegalArgumentException | ApiError e) {
            throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
        }
    }
}
