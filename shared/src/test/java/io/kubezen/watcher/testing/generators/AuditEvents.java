package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** The API server's audit webhook batches: an {@code audit.k8s.io/v1} EventList, or a single Event. */
public final class AuditEvents {

    private static final SourceDefinition SOURCE = Fixtures.definition(
            "{name: k8s-audit, type: k8s-audit, destination: {allowedNamespaces: ['*']}}");

    private AuditEvents() {
    }

    public static Arbitrary<Sample> samples() {
        return Arbitraries.oneOf(eventList(), event()).map(body -> Sample.json(SOURCE, body));
    }

    private static Arbitrary<JsonNode> eventList() {
        return JsonObjects.object()
                .fixed("apiVersion", JsonObjects.texts(Arbitraries.just("audit.k8s.io/v1")))
                .fixed("kind", JsonObjects.texts(Arbitraries.just("EventList")))
                .fixed("items", JsonTrees.arrayOf(Arbitraries.frequencyOf(Tuple.of(9, event()),
                        Tuple.of(1, JsonTrees.any())), 4))
                .build();
    }

    private static Arbitrary<JsonNode> event() {
        return JsonObjects.object()
                .fixed("apiVersion", JsonObjects.texts(Arbitraries.just("audit.k8s.io/v1")))
                .fixed("kind", JsonObjects.texts(Arbitraries.just("Event")))
                .text("level", Texts.usually("Metadata", "Request", "RequestResponse"))
                .fixed("auditID", JsonObjects.texts(Texts.nonBlank()))
                .fixed("stage", JsonObjects.texts(Texts.usually("ResponseComplete", "ResponseStarted", "Panic")))
                .text("requestURI", Texts.any())
                .fixed("verb", JsonObjects.texts(Texts.usually("get", "list", "watch", "create", "update", "patch",
                        "delete", "deletecollection")))
                .field("user", JsonObjects.object().text("username", Texts.any())
                        .field("groups", JsonTrees.arrayOf(JsonTrees.mostlyText(Texts.any()), 3)).build())
                .field("impersonatedUser", JsonObjects.object().text("username", Texts.any()).build())
                .field("sourceIPs", JsonTrees.arrayOf(JsonTrees.mostlyText(Texts.any()), 2))
                .text("userAgent", Texts.any())
                .field("objectRef", objectRef())
                .field("responseStatus", JsonObjects.object()
                        .field("code", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(200, 201, 401, 403, 404, 409)
                                .map(code -> (JsonNode) IntNode.valueOf(code))), Tuple.of(1, JsonTrees.scalar())))
                        .field("message", JsonTrees.mostlyText(Texts.any()))
                        .build())
                .field("annotations", JsonObjects.object()
                        .text("authorization.k8s.io/decision", Texts.usually("allow", "forbid"))
                        .field("authorization.k8s.io/reason", JsonTrees.mostlyText(Texts.any()))
                        .build())
                .text("requestReceivedTimestamp", Times.text())
                .text("stageTimestamp", Times.text())
                .field("requestObject", JsonTrees.any())
                .build();
    }

    private static Arbitrary<JsonNode> objectRef() {
        return JsonObjects.object()
                .text("resource", Texts.usually("pods", "secrets", "configmaps", "clusterrolebindings", "widgets"))
                .text("subresource", Texts.usually("", "exec", "attach", "portforward", "status"))
                .text("namespace", Texts.kubernetesName())
                .text("name", Texts.kubernetesName())
                .text("apiGroup", Texts.usually("", "apps", "rbac.authorization.k8s.io"))
                .text("apiVersion", Texts.usually("v1", "v1beta1"))
                .build();
    }
}
