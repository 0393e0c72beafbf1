package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kubernetes object read from a YAML stream, with where it came from for messages.
 *
 * @param origin the file or rendering it came from, and its kind and name
 */
record Manifest(String origin, JsonNode object) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** Every non-empty document of a multi-document YAML stream, as kubectl apply would read it. */
    static List<Manifest> parse(String yaml, String source) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isNull() && !object.isMissingNode() && !object.isEmpty()) {
                    manifests.add(new Manifest(source + " " + object.path("kind").asText("?") + "/"
                            + object.path("metadata").path("name").asText("?"), object));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + " is not valid YAML", e);
        }
        return manifests;
    }

    String apiVersion() {
        return object.path("apiVersion").asText();
    }

    String kind() {
        return object.path("kind").asText();
    }

    String name() {
        return object.path("metadata").path("name").asText();
    }

    /** The API group: empty for the core group ({@code v1}). */
    String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}
