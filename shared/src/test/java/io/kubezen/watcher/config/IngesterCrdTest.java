package io.kubezen.watcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.testing.crd.DeployFiles;
import io.kubezen.watcher.testing.crd.SchemaConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingester CRD declares exactly what the Java model reads, so a real API server prunes none of it. */
class IngesterCrdTest {

    private static final String CRD = "ingesters.zen.kube-zen.io";
    private static final JsonNode VERSION = DeployFiles.crdVersion(CRD);
    private static final JsonNode PROPERTIES = VERSION.path("schema").path("openAPIV3Schema").path("properties");

    @Test
    void specSchemaMatchesIngesterSpec() {
        assertThat(SchemaConformance.problems(IngesterSpec.class, PROPERTIES.path("spec"), "spec")).isEmpty();
    }

    @Test
    void statusSchemaMatchesIngesterStatus() {
        assertThat(SchemaConformance.problems(IngesterStatus.class, PROPERTIES.path("status"), "status")).isEmpty();
    }

    @Test
    void printerColumnsShowDeclaredFields() {
        assertThat(VERSION.path("additionalPrinterColumns").findValuesAsText("name"))
                .containsExactly("Source", "Type", "Ready", "Reason", "Served", "Last Event", "Age");
        assertThat(SchemaConformance.printerColumnProblems(VERSION)).isEmpty();
    }

    @Test
    void namesMatchTheJavaConstantsAndLeaveIngressItsShortName() {
        JsonNode spec = DeployFiles.crd(CRD).path("spec");

        assertThat(spec.path("group").asText()).isEqualTo(Observation.API_GROUP);
        assertThat(VERSION.path("name").asText()).isEqualTo(Observation.API_VERSION);
        assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
        assertThat(spec.path("names").path("kind").asText()).isEqualTo(IngesterSpec.KIND);
        assertThat(spec.path("names").path("plural").asText()).isEqualTo(IngesterSpec.PLURAL);
        assertThat(spec.path("names").path("shortNames")).extracting(JsonNode::asText).containsExactly("zing");
        assertThat(VERSION.path("subresources").has("status")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SourceType.class, names = {"INFORMER", "LOGS"}, mode = EnumSource.Mode.EXCLUDE)
    void builtinSourceNamesAreValidIngesterSources(SourceType type) {
        JsonNode source = PROPERTIES.path("spec").path("properties").path("source");

        assertThat(IngesterSpec.builtin(type).source())
                .matches(source.path("pattern").asText())
                .hasSizeLessThanOrEqualTo(source.path("maxLength").asInt());
    }
}
