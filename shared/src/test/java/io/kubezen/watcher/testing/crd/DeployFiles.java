package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's {@code deploy/} tree, read as the API server and kubectl would read it. Tests run with the
 * module as working directory, so the tree is found by walking up from there.
 */
public final class DeployFiles {

    /** Strict on purpose: a field the Java model does not know is a field the controller would silently drop. */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DeployFiles() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path deploy = dir.resolve("deploy");
            if (Files.isDirectory(deploy.resolve("crds"))) {
                return deploy;
            }
        }
        throw new IllegalStateException("no deploy/crds above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode crd(String crdName) {
        return read(root().resolve("crds").resolve(crdName + ".yaml"));
    }

    /** The CRD's single version, the one holding schema, subresources and printer columns. */
    public static JsonNode crdVersion(String crdName) {
        JsonNode versions = crd(crdName).path("spec").path("versions");
        if (versions.size() != 1) {
            throw new IllegalStateException(crdName + " should have exactly one version, has " + versions.size());
        }
        return versions.get(0);
    }

    /** The {@code *.yaml} files directly in {@code dir}, sorted so test names are stable. */
    public static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
