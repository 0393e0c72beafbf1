package io.kubezen.watcher.source.informer.policyreport;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.informer.KubernetesObjects;
import io.kubezen.watcher.source.informer.ObjectMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Policy WG's {@code PolicyReport} and {@code ClusterPolicyReport} ({@code wgpolicyk8s.io}), as Kyverno and
 * others write them: one finding per result that is {@code fail}, {@code warn} or {@code error}; passes and skips
 * are not findings.
 */
public final class PolicyReportMapping implements ObjectMapping {

    static final Set<String> FINDINGS = Set.of("fail", "warn", "error");
    static final List<String> FINGERPRINT_FIELDS = List.of("resource", "details.policy", "rule", "details.result");

    @Override
    public String name() {
        return "policy-report";
    }

    @Override
    public SourceDefaults defaults() {
        return new SourceDefaults(Category.COMPLIANCE, Severity.MEDIUM, "policy_violation", FINGERPRINT_FIELDS);
    }

    @Override
    public List<ObservationDraft> map(JsonNode report) throws InvalidPayloadException {
        ResourceRef scope = KubernetesObjects.reference(report.get("scope"));
        List<JsonNode> results = KubernetesObjects.elements(report, "results", "");
        List<ObservationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            String outcome = KubernetesObjects.text(result, "result");
            if (outcome == null || !FINDINGS.contains(outcome)) {
                continue;
            }
            List<JsonNode> resources = KubernetesObjects.elements(result, "resources", "results[" + i + "]");
            ResourceRef resource = resources.isEmpty() ? scope : KubernetesObjects.reference(resources.get(0));
            String policy = KubernetesObjects.text(result, "policy");
            String rule = KubernetesObjects.text(result, "rule");
            drafts.add(ObservationDraft.builder()
                    .severity(KubernetesObjects.text(result, "severity"))
                    .eventType(outcome.equals("fail") ? null : "policy_" + outcome)
                    .resource(resource)
                    .rule(rule)
                    .title(rule == null || rule.equals(policy) ? policy : policy + "/" + rule)
                    .description(KubernetesObjects.text(result, "message"))
                    .detectedAt(time(result.get("timestamp")))
                    .detail("policy", policy)
                    .detail("result", outcome)
                    .detail("policyCategory", KubernetesObjects.text(result, "category"))
                    .detail("engine", KubernetesObjects.text(result, "source"))
                    .detail("resources", resources.size() > 1 ? result.get("resources") : null)
                    .detail("properties", result.get("properties"))
                    .build());
        }
        return drafts;
    }

    /** The report's {@code {seconds, nanos}} timestamp; null when absent or out of range. */
    private static Instant time(JsonNode timestamp) {
        if (timestamp == null || !timestamp.path("seconds").canConvertToLong()) {
            return null;
        }
        return Timestamps.ofEpochSecond(timestamp.path("seconds").asLong(), timestamp.path("nanos").asLong());
    }
}
