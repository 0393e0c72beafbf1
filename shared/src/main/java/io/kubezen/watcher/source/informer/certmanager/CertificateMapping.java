package io.kubezen.watcher.source.informer.certmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.informer.KubernetesObjects;
import io.kubezen.watcher.source.informer.ObjectMapping;

import java.util.List;

/**
 * A cert-manager {@code Certificate} whose {@code Ready} condition is not {@code True} is one finding. A
 * certificate without a Ready condition yet is being issued for the first time and is no finding.
 */
public final class CertificateMapping implements ObjectMapping {

    /** The same certificate failing for the same reason is the same finding; the message carries times. */
    static final List<String> FINGERPRINT_FIELDS = List.of("resource", "eventType", "details.reason");

    @Override
    public String name() {
        return "cert-manager-certificate";
    }

    @Override
    public SourceDefaults defaults() {
        return new SourceDefaults(Category.OPERATIONS, Severity.HIGH, "certificate_not_ready", FINGERPRINT_FIELDS);
    }

    @Override
    public List<ObservationDraft> map(JsonNode certificate) throws InvalidPayloadException {
        JsonNode status = certificate.path("status");
        for (JsonNode condition : KubernetesObjects.elements(status, "conditions", "status")) {
            if ("Ready".equals(KubernetesObjects.text(condition, "type"))
                    && !"True".equals(KubernetesObjects.text(condition, "status"))) {
                String reason = KubernetesObjects.text(condition, "reason");
                return List.of(ObservationDraft.builder()
                        .resource(KubernetesObjects.self(certificate))
                        .rule(reason)
                        .title("Certificate " + KubernetesObjects.name(certificate) + " is not ready"
                                + (reason == null ? "" : ": " + reason))
                        .description(KubernetesObjects.text(condition, "message"))
                        .detectedAt(Timestamps.parse(condition.get("lastTransitionTime")))
                        .detail("reason", reason)
                        .detail("secretName", KubernetesObjects.text(certificate.path("spec"), "secretName"))
                        .detail("dnsNames", certificate.path("spec").get("dnsNames"))
                        .detail("notAfter", KubernetesObjects.text(status, "notAfter"))
                        .build());
            }
        }
        return List.of();
    }
}
