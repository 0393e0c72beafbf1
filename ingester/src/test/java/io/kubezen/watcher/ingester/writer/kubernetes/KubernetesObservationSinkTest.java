package io.kubezen.watcher.ingester.writer.kubernetes;

import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesObservationSinkTest {

    @Test
    void bodyIsAnObservationWithItsLabelsManagedByAndSpecInWireForm() {
        ObservationWrite write = TestObservations.write("apps", "falco", Severity.HIGH, "fp-1");

        Map<String, Object> body = KubernetesObservationSink.body(write);

        assertThat(body).containsEntry("apiVersion", "zen.kube-zen.io/v1alpha1").containsEntry("kind", "Observation");
        assertThat(body.get("metadata")).isEqualTo(Map.of(
                "name", write.name(),
                "namespace", "apps",
                "labels", Map.of(
                        "app.kubernetes.io/managed-by", "zen-watcher",
                        "zen.kube-zen.io/source", "falco",
                        "zen.kube-zen.io/category", "security",
                        "zen.kube-zen.io/severity", "high")));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) body.get("spec");
        assertThat(spec)
                .containsEntry("source", "falco")
                .containsEntry("category", "security")
                .containsEntry("severity", "high")
                .containsEntry("eventType", "runtime_threat")
                .containsEntry("detectedAt", "2026-03-01T10:15:29Z")
                .containsEntry("details", Map.of("rule", "Terminal shell in container", "priority", 4))
                .doesNotContainKey("ttlSecondsAfterCreation");
    }
}
