package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.source.Payload;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated request to one source. Shown with its body, so a counterexample can be replayed by hand. */
public record Sample(SourceDefinition definition, Payload payload) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_CHARACTERS = 4_000;

    public static Sample json(SourceDefinition definition, JsonNode body) {
        return of(definition, body, "application/json", Map.of());
    }

    public static Sample of(SourceDefinition definition, JsonNode body, String contentType, Map<String, String> headers) {
        return new Sample(definition, new Payload(bytes(body), contentType, headers));
    }

    public static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        String body = new String(payload.body(), StandardCharsets.UTF_8);
        return "source " + definition.name() + ", content type " + payload.contentType() + ", headers "
                + payload.headers() + ", body " + (body.length() <= SHOWN_CHARACTERS ? body
                : body.substring(0, SHOWN_CHARACTERS) + "... (" + body.length() + " characters)");
    }
}
