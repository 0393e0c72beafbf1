package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Alertmanager's webhook notifications (payload version 4) with the labels the source reads. */
public final class AlertmanagerNotifications {

    private static final SourceDefinition SOURCE = Fixtures.definition(
            "{name: alertmanager, type: alertmanager, destination: {allowedNamespaces: ['*']}}");

    private AlertmanagerNotifications() {
    }

    public static Gen<Sample> samples() {
        return notification().map(body -> Sample.json(SOURCE, body));
    }

    private static Gen<JsonNode> notification() {
        return JsonObjects.object()
                .text("version", Generate.constant("4"))
                .text("groupKey", Texts.any())
                .text("status", Texts.usually("firing", "resolved"))
                .text("receiver", Texts.any())
                .field("commonLabels", JsonTrees.objectOf(JsonTrees.mostlyText(Texts.any()), 3))
                .text("externalURL", Texts.any())
                .fixed("alerts", JsonTrees.arrayOf(alert(), 4))
                .build();
    }

    private static Gen<JsonNode> alert() {
        return JsonObjects.object()
                .text("status", Texts.usually("firing", "resolved"))
                .field("labels", JsonObjects.object()
                        .field("alertname", JsonTrees.mostlyText(Texts.any()))
                        .field("severity", JsonTrees.mostlyText(Texts.usually("critical", "warning", "info", "page")))
                        .field("namespace", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .field("pod", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .field("deployment", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .field("node", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .build())
                .field("annotations", JsonObjects.object()
                        .field("summary", JsonTrees.mostlyText(Texts.any()))
                        .field("description", JsonTrees.mostlyText(Texts.any()))
                        .field("message", JsonTrees.mostlyText(Texts.any()))
                        .build())
                .text("startsAt", Times.text())
                .text("endsAt", Times.text())
                .text("generatorURL", Texts.any())
                .text("fingerprint", Texts.any())
                .build();
    }
}
