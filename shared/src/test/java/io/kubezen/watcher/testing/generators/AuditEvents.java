package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

/** The API server's audit webhook batches: an {@code audit.k8s.io/v1} EventList, or a single Event. */
public final class AuditEvents {

    private static final SourceDefinition SOURCE = Fixtures.definition(
            "{name: k8s-audit, type: k8s-audit, destination: {allowedNamespaces: ['*']}}");

    private AuditEvents() {
    }

    public static Gen<Sample> samples() {
        return Generate.oneOf(eventList(), event()).map(body -> Sample.json(SOURCE, body));
    }

    private static Gen<JsonNode> eventList() {
        return JsonObjects.object()
                .fixed("apiVersion", JsonObjects.texts(Generate.constant("audit.k8s.io/v1")))
                .fixed("kind", JsonObjects.texts(Generate.constant("EventList")))
                .fixed("items", JsonTrees.arrayOf(Generate.frequency(Pair.of(9, event()),
                        Pair.of(1, JsonTrees.any())), 4))
                .build();
    }

    private static Gen<JsonNode> event() {
        return JsonObjects.object()
                .fixed("apiVersion", JsonObjects.texts(Generate.constant("audit.k8s.io/v1")))
                .fixed("kind", JsonObjects.texts(Generate.constant("Event")))
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
                        .field("code", Generate.frequency(
                                Pair.of(3, Generate.pick(List.of(200, 201, 401, 403, 404, 409))
                                        .map(code -> (JsonNode) IntNode.valueOf(code))),
                                Pair.of(1, JsonTrees.scalar())))
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

    private static Gen<JsonNode> objectRef() {
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
