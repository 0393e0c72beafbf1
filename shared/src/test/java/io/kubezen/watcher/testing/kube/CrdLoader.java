package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads {@code apiextensions.k8s.io/v1} CustomResourceDefinitions from YAML (several documents per file allowed;
 * documents of other kinds are skipped) into one {@link ResourceType} per served version.
 */
final class CrdLoader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private CrdLoader() {
    }

    static List<ResourceType> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("CRD directory " + directory.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<ResourceType> types = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .forEach(f -> types.addAll(fromFile(f)));
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ResourceType> fromFile(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ResourceType> fromClasspath(String resource) {
        try (InputStream in = CrdLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ResourceType> parse(String yaml, String origin) {
        List<ResourceType> types = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml);
             MappingIterator<JsonNode> documents = Json.MAPPER.readValues(parser, JsonNode.class)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "CustomResourceDefinition".equals(document.path("kind").asText())) {
                    types.addAll(servedVersions(document, origin));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read CRDs from " + origin + ": " + e.getMessage(), e);
        }
        return types;
    }

    private static List<ResourceType> servedVersions(JsonNode crd, String origin) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        String group = required(spec, "group", origin);
        String plural = required(names, "plural", origin);
        String kind = required(names, "kind", origin);
        String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            String name = required(version, "name", origin);
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (!schema.isObject()) {
                throw new IllegalArgumentException(origin + ": " + plural + "." + group + " version " + name
                        + " has no schema.openAPIV3Schema, which apiextensions.k8s.io/v1 requires");
            }
            types.add(new ResourceType(group, name, plural, singular, kind, namespaced,
                    version.path("subresources").has("status"), true, shortNames, ResourceType.META_FIELD_LABELS,
                    schema));
        }
        return types;
    }

    private static String required(JsonNode node, String field, String origin) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(origin + ": CRD has no " + field);
        }
        return value;
    }
}
