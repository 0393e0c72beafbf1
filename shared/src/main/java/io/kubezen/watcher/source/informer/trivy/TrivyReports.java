package io.kubezen.watcher.source.informer.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.informer.KubernetesObjects;

import java.time.Instant;

/**
 * What Trivy Operator's reports share: the scanned workload is named by the report's labels, not by an owner
 * reference's uid, so a report that is re-created for the same workload names it the same way.
 */
final class TrivyReports {

    static final String KIND_LABEL = "trivy-operator.resource.kind";
    static final String NAME_LABEL = "trivy-operator.resource.name";
    static final String NAMESPACE_LABEL = "trivy-operator.resource.namespace";
    static final String CONTAINER_LABEL = "trivy-operator.container.name";

    private TrivyReports() {
    }

    /** The scanned workload; the report's own namespace when the label is missing. */
    static ResourceRef workload(JsonNode report) {
        JsonNode labels = report.path("metadata").path("labels");
        String namespace = KubernetesObjects.text(labels, NAMESPACE_LABEL);
        return new ResourceRef(null, KubernetesObjects.text(labels, KIND_LABEL),
                KubernetesObjects.text(labels, NAME_LABEL),
                namespace != null ? namespace : KubernetesObjects.namespace(report));
    }

    /** Sets what every finding of the report carries: the workload, container, scanner and scan time. */
    static ObservationDraft.Builder finding(JsonNode report) {
        JsonNode body = report.path("report");
        JsonNode artifact = body.path("artifact");
        String repository = KubernetesObjects.text(artifact, "repository");
        String tag = KubernetesObjects.text(artifact, "tag");
        Instant scanned = Timestamps.parse(body.get("updateTimestamp"));
        return ObservationDraft.builder()
                .resource(workload(report))
                .detectedAt(scanned != null ? scanned : Timestamps.parse(report.path("metadata").get("creationTimestamp")))
                .detail("container", KubernetesObjects.text(report.path("metadata").path("labels"), CONTAINER_LABEL))
                .detail("image", repository == null ? null : tag == null ? repository : repository + ":" + tag)
                .detail("scanner", KubernetesObjects.text(body.path("scanner"), "name"));
    }
}
