package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example resources under {@code deploy/examples} against our CRDs as an API server applies them: every
 * valid example is accepted unchanged (nothing pruned), every broken one is refused with 422 naming the field
 * its first line promises.
 */
class DeployExamplesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApiServer server;
    private static CustomObjectsApi api;

    @BeforeAll
    static void start() {
        server = TestApiServer.builder().repositoryCrds().namespaces("zen-system", "zen-observations", "prod", "prod-a").build().start();
        api = new CustomObjectsApi(server.apiClient());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Path> validExamples() {
        return DeployFiles.yamlFiles(DeployFiles.root().resolve("examples")).stream();
    }

    static Stream<Path> invalidExamples() {
        return DeployFiles.yamlFiles(DeployFiles.root().resolve("examples/invalid")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleIsAcceptedWithoutPruning(Path file) throws Exception {
        JsonNode example = DeployFiles.read(file);

        Object created = create(example);

        JsonNode stored = JSON.valueToTree(created);
        // The client reads every JSON number as a double; 300 and 300.0 are the same value.
        assertThat(stored.get("spec").equals(DeployExamplesIT::compareNumbersByValue, example.get("spec")))
                .as("stored spec %s equals example spec %s", stored.get("spec"), example.get("spec")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRefusedNamingTheField(Path file) throws Exception {
        String expected = expectedField(file);
        JsonNode example = DeployFiles.read(file);

        assertThatThrownBy(() -> create(example))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("\"field\":\"" + expected + "\"");
                });
    }

    private static Object create(JsonNode resource) throws ApiException {
        String[] apiVersion = resource.get("apiVersion").asText().split("/");
        String plural = resource.get("kind").asText().toLowerCase(Locale.ROOT) + "s";
        String namespace = resource.get("metadata").get("namespace").asText();
        return api.createNamespacedCustomObject(apiVersion[0], apiVersion[1], namespace, plural,
                JSON.convertValue(resource, Map.class)).execute();
    }

    private static int compareNumbersByValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    private static String expectedField(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String first = lines.get(0);
        assertThat(first).as("first line of " + file).startsWith("# expect: ");
        return first.substring("# expect: ".length()).trim();
    }
}
