package io.kubezen.watcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.crd.DeployFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example Ingesters in {@code deploy/examples} read into {@link IngesterSpec} as the controller will read
 * them: with unknown fields rejected and nothing lost on the way back out.
 */
class IngesterExamplesTest {

    /** YAML {@code 200} and Java's {@code 200.0} are the same value; node classes differ, values must not. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    static List<Path> ingesterExamples() {
        return DeployFiles.yamlFiles(DeployFiles.root().resolve("examples")).stream()
                .filter(f -> "Ingester".equals(DeployFiles.read(f).path("kind").asText()))
                .toList();
    }

    static List<Named<Path>> namedIngesterExamples() {
        return ingesterExamples().stream().map(f -> Named.of(f.getFileName().toString(), f)).toList();
    }

    @ParameterizedTest
    @MethodSource("namedIngesterExamples")
    void readsIntoIngesterSpecAndBackWithoutLosingAField(Path example) throws JsonProcessingException {
        JsonNode spec = DeployFiles.read(example).path("spec");

        IngesterSpec parsed = DeployFiles.YAML.treeToValue(spec, IngesterSpec.class);
        JsonNode written = DeployFiles.YAML.valueToTree(parsed);

        assertThat(written.equals(SAME_VALUE, spec))
                .as("%s written back:%n%s", example.getFileName(), written.toPrettyString())
                .isTrue();
    }

    @Test
    void examplesCoverEverySourceTypeAndAuthMode() {
        List<IngesterSpec> specs = ingesterExamples().stream().map(IngesterExamplesTest::spec).toList();

        assertThat(specs.stream().map(IngesterSpec::type).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(SourceType.class));
        assertThat(specs.stream().filter(s -> s.webhook() != null).map(s -> s.webhook().auth().mode()))
                .contains(AuthMode.NONE, AuthMode.BEARER, AuthMode.BASIC, AuthMode.HMAC);
        assertThat(specs.stream().filter(s -> s.informer() != null).map(s -> s.informer().builtinMapping()))
                .contains("trivy-vulnerability", "policy-report");
    }

    @Test
    void genericWebhookExampleReadsIntoTypedValues() {
        IngesterSpec spec = spec(DeployFiles.root().resolve("examples/ingester-webhook.yaml"));

        assertThat(spec.category()).isEqualTo(Category.SECURITY);
        assertThat(spec.webhook().auth().bearer().secretRef()).isEqualTo(new SecretKeyRef("scanner-ingest", "token"));
        assertThat(spec.webhook().limits().maxNestingDepth()).isEqualTo(32);
        assertThat(spec.mapping().fields().severity()).isEqualTo("$.level");
        assertThat(spec.mapping().severityMap()).isEqualTo(Map.of("CRIT", "critical", "WARN", "medium"));
        assertThat(spec.mapping().defaultSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(spec.filter().expression()).startsWith("observation.severity == \"critical\"");
        assertThat(spec.dedup().fingerprintFields()).containsExactly("rule", "resource.namespace", "resource.name");
    }

    @Test
    void hmacExampleKeepsAnEmptyPrefixApartFromAnAbsentOne() {
        AuthSpec.Hmac hmac = spec(DeployFiles.root().resolve("examples/ingester-alertmanager.yaml"))
                .webhook().auth().hmac();

        assertThat(hmac.prefix()).isEmpty();
        assertThat(hmac.header()).isEqualTo("X-Signature");
    }

    private static IngesterSpec spec(Path example) {
        try {
            return DeployFiles.YAML.treeToValue(DeployFiles.read(example).path("spec"), IngesterSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(example + ": " + e.getMessage(), e);
        }
    }
}
