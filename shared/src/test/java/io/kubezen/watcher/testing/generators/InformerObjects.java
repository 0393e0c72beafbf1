package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.source.informer.InformerAdapter;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Kubernetes objects as the controller's informers hand them over: one generator per built-in mapping, and a
 * custom resource read by a source's JSONPath mapping.
 */
public final class InformerObjects {

    private static final SourceDefinition MAPPED = Fixtures.definition("""
            name: widgets
            type: informer
            informer: {group: example.io, version: v1, resource: widgets}
            destination: {allowedNamespaces: ["*"]}
            mapping:
              fields: {eventType: "$.status.phase", severity: "$.status.level", resourceName: "$.metadata.name",
                       resourceNamespace: "$.metadata.namespace", resourceKind: "$.kind"}
              details: {spec: "$.spec"}
              titleTemplate: "{{$.kind}} {{$.metadata.name}} is {{$.status.phase}}"
            """);

    private InformerObjects() {
    }

    public static Gen<Sample> samples() {
        return Generate.oneOf(
                sample("trivy-vulnerability", vulnerabilityReport()),
                sample("trivy-config-audit", configAuditReport()),
                sample("policy-report", policyReport()),
                sample("kube-event", event()),
                sample("cert-manager-certificate", certificate()),
                widget().map(object -> informer(MAPPED, object)));
    }

    private static Gen<Sample> sample(String builtinMapping, Gen<JsonNode> objects) {
        SourceDefinition source = Fixtures.definition("{name: " + builtinMapping + ", type: informer, "
                + "informer: {version: v1, resource: x, builtinMapping: " + builtinMapping + "}, "
                + "destination: {allowedNamespaces: ['*']}}");
        return objects.map(object -> informer(source, object));
    }

    private static Sample informer(SourceDefinition source, JsonNode object) {
        return new Sample(source, InformerAdapter.payload(Sample.bytes(object)));
    }

    private static Gen<JsonNode> vulnerabilityReport() {
        Gen<JsonNode> vulnerability = JsonObjects.object()
                .text("vulnerabilityID", Texts.any())
                .text("resource", Texts.any())
                .text("installedVersion", Texts.any())
                .text("fixedVersion", Texts.any())
                .text("severity", Texts.usually("CRITICAL", "HIGH", "UNKNOWN"))
                .text("title", Texts.any())
                .field("score", JsonTrees.scalar())
                .text("primaryLink", Texts.any())
                .build();
        return trivyReport(JsonObjects.object().field("vulnerabilities", JsonTrees.arrayOf(vulnerability, 1, 3)));
    }

    private static Gen<JsonNode> configAuditReport() {
        Gen<JsonNode> check = JsonObjects.object()
                .text("checkID", Texts.any())
                .text("severity", Texts.usually("CRITICAL", "LOW"))
                .text("title", Texts.any())
                .text("description", Texts.any())
                .text("category", Texts.any())
                .field("messages", JsonTrees.arrayOf(JsonTrees.mostlyText(Texts.any()), 2))
                .text("remediation", Texts.any())
                .field("success", Generate.frequency(Pair.of(3, Generate.constant(BooleanNode.FALSE)),
                        Pair.of(1, JsonTrees.scalar())))
                .build();
        return trivyReport(JsonObjects.object().field("checks", JsonTrees.arrayOf(check, 1, 3)));
    }

    private static Gen<JsonNode> trivyReport(JsonObjects findings) {
        return JsonObjects.object()
                .field("metadata", JsonObjects.object()
                        .text("name", Texts.kubernetesName())
                        .text("namespace", Texts.kubernetesName())
                        .field("creationTimestamp", Times.any())
                        .field("labels", JsonObjects.object()
                                .text("trivy-operator.resource.kind", Texts.usually("ReplicaSet", "Pod"))
                                .text("trivy-operator.resource.name", Texts.kubernetesName())
                                .text("trivy-operator.resource.namespace", Texts.kubernetesName())
                                .text("trivy-operator.container.name", Texts.kubernetesName())
                                .build())
                        .build())
                .field("report", findings
                        .field("artifact", JsonObjects.object().text("repository", Texts.any()).text("tag", Texts.any())
                                .build())
                        .field("scanner", JsonObjects.object().text("name", Texts.any()).build())
                        .field("updateTimestamp", Times.any())
                        .build())
                .build();
    }

    private static Gen<JsonNode> policyReport() {
        Gen<JsonNode> result = JsonObjects.object()
                .text("policy", Texts.any())
                .text("rule", Texts.any())
                .text("result", Texts.usually("fail", "warn", "error", "pass", "skip"))
                .text("severity", Texts.usually("high", "medium"))
                .text("message", Texts.any())
                .field("timestamp", Times.secondsAndNanos())
                .text("category", Texts.any())
                .text("source", Texts.any())
                .field("resources", JsonTrees.arrayOf(reference(), 2))
                .field("properties", JsonTrees.objectOf(JsonTrees.mostlyText(Texts.any()), 3))
                .build();
        return JsonObjects.object()
                .field("scope", reference())
                .field("results", JsonTrees.arrayOf(result, 1, 3))
                .build();
    }

    private static Gen<JsonNode> event() {
        return JsonObjects.object()
                .text("type", Texts.usually("Warning", "Warning", "Normal"))
                .text("reason", Texts.any())
                .field("involvedObject", reference())
                .text("message", Texts.any())
                .field("count", JsonTrees.scalar())
                .field("source", JsonObjects.object().text("component", Texts.any()).text("host", Texts.any()).build())
                .field("lastTimestamp", Times.any())
                .field("eventTime", Times.any())
                .field("metadata", JsonObjects.object().field("creationTimestamp", Times.any()).build())
                .build();
    }

    private static Gen<JsonNode> certificate() {
        Gen<JsonNode> condition = JsonObjects.object()
                .text("type", Texts.usually("Ready"))
                .text("status", Texts.usually("False", "Unknown", "True"))
                .text("reason", Texts.any())
                .text("message", Texts.any())
                .field("lastTransitionTime", Times.any())
                .build();
        return JsonObjects.object()
                .text("apiVersion", Texts.usually("cert-manager.io/v1"))
                .text("kind", Texts.usually("Certificate"))
                .field("metadata", JsonObjects.object().text("name", Texts.kubernetesName())
                        .text("namespace", Texts.kubernetesName()).build())
                .field("spec", JsonObjects.object().text("secretName", Texts.any())
                        .field("dnsNames", JsonTrees.arrayOf(JsonTrees.mostlyText(Texts.any()), 2)).build())
                .field("status", JsonObjects.object().field("conditions", JsonTrees.arrayOf(condition, 1, 2))
                        .field("notAfter", Times.any()).build())
                .build();
    }

    private static Gen<JsonNode> widget() {
        return JsonObjects.object()
                .text("kind", Texts.usually("Widget"))
                .field("metadata", JsonObjects.object().text("name", Texts.kubernetesName())
                        .text("namespace", Texts.kubernetesName()).build())
                .field("spec", JsonTrees.any())
                .field("status", JsonObjects.object().field("phase", JsonTrees.mostlyText(Texts.any()))
                        .field("level", JsonTrees.mostlyText(Texts.any())).build())
                .build();
    }

    /** A {@code corev1.ObjectReference}. */
    private static Gen<JsonNode> reference() {
        return JsonObjects.object()
                .text("apiVersion", Texts.usually("v1", "apps/v1"))
                .text("kind", Texts.usually("Pod", "Deployment"))
                .text("name", Texts.kubernetesName())
                .text("namespace", Texts.kubernetesName())
                .text("fieldPath", Texts.any())
                .build();
    }
}
