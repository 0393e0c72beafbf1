package io.kubezen.watcher.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.testing.crd.DeployFiles;
import io.kubezen.watcher.testing.crd.SchemaConformance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Observation CRD declares exactly what the writer sends, so a real API server prunes none of it, and
 * keeps zen-watcher's names so its users' queries keep working.
 */
class ObservationCrdTest {

    private static final String CRD = "observations.zen.kube-zen.io";
    private static final JsonNode VERSION = DeployFiles.crdVersion(CRD);
    private static final JsonNode PROPERTIES = VERSION.path("schema").path("openAPIV3Schema").path("properties");

    @Test
    void specSchemaMatchesObservationSpec() {
        assertThat(SchemaConformance.problems(ObservationSpec.class, PROPERTIES.path("spec"), "spec")).isEmpty();
    }

    @Test
    void statusSchemaMatchesObservationStatus() {
        assertThat(SchemaConformance.problems(ObservationStatus.class, PROPERTIES.path("status"), "status")).isEmpty();
    }

    @Test
    void specRequiresWhatObservationSpecRequires() {
        assertThat(PROPERTIES.path("spec").path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("source", "category", "severity", "eventType");
    }

    @Test
    void printerColumnsShowDeclaredFieldsAndTheCountWithResourceDetailsOnlyInWideOutput() {
        assertThat(SchemaConformance.printerColumnProblems(VERSION)).isEmpty();
        assertThat(VERSION.path("additionalPrinterColumns"))
                .filteredOn(c -> c.path("priority").asInt() == 0)
                .extracting(c -> c.path("name").asText())
                .containsExactly("Source", "Category", "Severity", "EventType", "Count", "Last Seen", "Age");
        assertThat(VERSION.path("additionalPrinterColumns"))
                .filteredOn(c -> c.path("priority").asInt() == 1)
                .extracting(c -> c.path("name").asText())
                .containsExactly("Kind", "Resource");
    }

    @Test
    void namesStayCompatibleWithZenWatcher() {
        JsonNode spec = DeployFiles.crd(CRD).path("spec");

        assertThat(spec.path("group").asText()).isEqualTo(Observation.API_GROUP);
        assertThat(VERSION.path("name").asText()).isEqualTo(Observation.API_VERSION);
        assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
        assertThat(spec.path("names").path("kind").asText()).isEqualTo(Observation.KIND);
        assertThat(spec.path("names").path("plural").asText()).isEqualTo(Observation.PLURAL);
        assertThat(spec.path("names").path("listKind").asText()).isEqualTo("ObservationList");
        assertThat(spec.path("names").path("shortNames")).extracting(JsonNode::asText).containsExactly("obs", "obsv");
        assertThat(VERSION.path("subresources").has("status")).isTrue();
    }
}
