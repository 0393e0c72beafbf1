package io.kubezen.watcher.testing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks Kubernetes objects offline, as an API server with strict field validation would: every field's
 * type, format, enum and required siblings against the kind's OpenAPI schema (built-in kinds, and the KEDA,
 * Knative and Prometheus Operator CRDs; an unknown kind is a problem, never a pass), and, for built-in kinds,
 * no field the kind does not have. Our own kinds are checked against our CRDs by DeployExamplesIT instead.
 */
final class ManifestValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "/testing/deploy/validate-manifests.mjs";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final DeployTools tools;
    private final Path script;

    ManifestValidator(DeployTools tools, Path workDirectory) {
        this.tools = tools;
        this.script = copyScript(workDirectory);
    }

    /** Every problem found, each starting with the manifest's origin; empty when all are valid. */
    List<String> problems(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>(schemaProblems(manifests));
        for (Manifest manifest : manifests) {
            UnknownFields.problem(manifest).ifPresent(p -> problems.add(manifest.origin() + ": " + p));
        }
        return problems;
    }

    /** One node process for all manifests: starting node and loading the schemas dominates the cost. */
    private List<String> schemaProblems(List<Manifest> manifests) {
        ArrayNode input = JSON.createArrayNode();
        manifests.forEach(m -> input.addObject().put("origin", m.origin()).set("object", m.object()));
        ProcessRun run = ProcessRun.run(List.of("node", script.toString(), tools.nodeModules().toString()),
                input.toString(), Map.of(), TIMEOUT).requireSuccess();
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode result : JSON.readTree(run.stdout())) {
                result.path("problems").forEach(p -> problems.add(result.path("origin").asText() + ": " + p.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable validator output: " + run.stdout() + run.stderr(), e);
        }
        return problems;
    }

    /** node runs files, not class-path resources; the script resolves the packages from the path it is given. */
    private static Path copyScript(Path workDirectory) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the test class path");
            }
            Path target = Files.createDirectories(workDirectory).resolve("validate-manifests.mjs");
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
