package io.kubezen.watcher.source.informer.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.informer.KubernetesObjects;
import io.kubezen.watcher.source.informer.ObjectMapping;

import java.util.ArrayList;
import java.util.List;

/** Trivy Operator's {@code ConfigAuditReport}: one finding per failed check ({@code success: false}). */
public final class TrivyConfigAuditMapping implements ObjectMapping {

    static final List<String> FINGERPRINT_FIELDS = List.of("resource", "rule");

    @Override
    public String name() {
        return "trivy-config-audit";
    }

    @Override
    public SourceDefaults defaults() {
        return new SourceDefaults(Category.COMPLIANCE, Severity.MEDIUM, "config_audit", FINGERPRINT_FIELDS);
    }

    @Override
    public List<ObservationDraft> map(JsonNode report) throws InvalidPayloadException {
        List<ObservationDraft> drafts = new ArrayList<>();
        for (JsonNode check : KubernetesObjects.elements(report.path("report"), "checks", "report")) {
            if (!check.path("success").asBoolean(true)) {
                drafts.add(TrivyReports.finding(report)
                        .severity(KubernetesObjects.text(check, "severity"))
                        .rule(KubernetesObjects.text(check, "checkID"))
                        .title(KubernetesObjects.text(check, "title"))
                        .description(KubernetesObjects.text(check, "description"))
                        .detail("checkCategory", KubernetesObjects.text(check, "category"))
                        .detail("messages", check.get("messages"))
                        .detail("remediation", KubernetesObjects.text(check, "remediation"))
                        .build());
            }
        }
        return drafts;
    }
}
