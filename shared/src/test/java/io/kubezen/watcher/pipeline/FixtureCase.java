package io.kubezen.watcher.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.source.Payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One payload under {@code fixtures/<type>/<case>.json} with its sidecars: {@code <case>.source.yaml} (the
 * source definition; else the type's built-in source), {@code <case>.request.json} ({@code contentType} and
 * {@code headers}; else plain JSON) and {@code <case>.expected.json} (the Observations it must produce).
 */
public record FixtureCase(String name, SourceDefinition definition, byte[] body, String contentType,
                          Map<String, String> headers, Path expected) {

    private static final String EXPECTED = ".expected.json";
    private static final String REQUEST = ".request.json";
    private static final String SOURCE = ".source.yaml";

    public static List<FixtureCase> all() {
        try {
            Path root = Path.of(FixtureCase.class.getResource("/fixtures").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(FixtureCase::isBody).sorted().map(body -> load(root, body)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The type's built-in source; for informer fixtures, which sit in {@code fixtures/informer/<builtinMapping>/},
     * a source of that built-in mapping named after it.
     */
    private static SourceDefinition builtin(SourceType type, Path directory) {
        if (type != SourceType.INFORMER) {
            return SourceDefinition.builtin(type);
        }
        String mapping = directory.getFileName().toString();
        return Fixtures.definition("{name: " + mapping + ", type: informer, informer: {version: v1, resource: x, "
                + "builtinMapping: " + mapping + "}}");
    }

    public Payload payload() {
        return new Payload(body, contentType, headers);
    }

    public Payload payload(byte[] otherBody) {
        return new Payload(otherBody, contentType, headers);
    }

    @Override
    public String toString() {
        return name;
    }

    private static boolean isBody(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".json") && !name.endsWith(EXPECTED) && !name.endsWith(REQUEST);
    }

    @SuppressWarnings("unchecked")
    private static FixtureCase load(Path root, Path body) {
        try {
            SourceType type = SourceType.fromWire(root.relativize(body).getName(0).toString()).orElseThrow();
            String base = body.toString().substring(0, body.toString().length() - ".json".length());
            Path source = Path.of(base + SOURCE);
            SourceDefinition definition = Files.exists(source)
                    ? Fixtures.definition(Files.readString(source)) : builtin(type, body.getParent());
            if (definition.type() != type) {
                throw new IllegalStateException(source + " is not of type " + type.wireName());
            }
            Path requestFile = Path.of(base + REQUEST);
            JsonNode request = Files.exists(requestFile) ? Fixtures.JSON.readTree(requestFile.toFile()) : null;
            String contentType = request == null ? "application/json" : request.path("contentType").asText(null);
            Map<String, String> headers = request == null || !request.has("headers") ? Map.of()
                    : Fixtures.JSON.convertValue(request.get("headers"), Map.class);
            return new FixtureCase(root.relativize(body).toString(), definition, Files.readAllBytes(body), contentType,
                    headers, Path.of(base + EXPECTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
