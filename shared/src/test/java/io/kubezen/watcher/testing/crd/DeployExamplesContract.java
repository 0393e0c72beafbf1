package io.kubezen.watcher.testing.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example resources under {@code deploy/examples} against our CRDs as an API server applies them: every
 * valid example is accepted unchanged (nothing pruned), every broken one is refused with 422 naming the field
 * its first line promises, and, for those only a CEL rule catches, with the rule's message of its
 * {@code # cel:} line. Subclassed per API server; each subclass serves the repository's CRDs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeployExamplesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPECT = "# expect: ";
    private static final String CEL = "# cel: ";

    private CustomObjectsApi api;

    /** A client of a server serving the repository's CRDs in which {@code namespaces} exist. */
    protected abstract ApiClient connect(Set<String> namespaces) throws Exception;

    @BeforeAll
    final void connectToServer() throws Exception {
        Set<String> namespaces = Stream.concat(validExamples(), invalidExamples())
                .map(file -> DeployFiles.read(file).path("metadata").path("namespace").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        api = new CustomObjectsApi(connect(namespaces));
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
        assertThat(stored.get("spec").equals(DeployExamplesContract::compareNumbersByValue, example.get("spec")))
                .as("stored spec %s equals example spec %s", stored.get("spec"), example.get("spec")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRefusedNamingTheField(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).as("first line of " + file).startsWith(EXPECT);
        String expected = lines.get(0).substring(EXPECT.length()).trim();
        String celMessage = lines.get(1).startsWith(CEL) ? lines.get(1).substring(CEL.length()).trim() : "";
        JsonNode example = DeployFiles.read(file);

        assertThatThrownBy(() -> create(example))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("\"field\":\"" + expected + "\"").contains(celMessage);
                });
    }

    private Object create(JsonNode resource) throws ApiException {
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
}
