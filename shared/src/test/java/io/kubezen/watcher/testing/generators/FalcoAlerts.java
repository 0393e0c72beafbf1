package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import org.quicktheories.core.Gen;

/** Falco's {@code http_output} alerts, with the output fields the Falco source reads. */
public final class FalcoAlerts {

    private static final SourceDefinition SOURCE = Fixtures.definition(
            "{name: falco, type: falco, destination: {allowedNamespaces: ['*']}}");

    private FalcoAlerts() {
    }

    public static Gen<Sample> samples() {
        return alert().map(alert -> Sample.json(SOURCE, alert));
    }

    private static Gen<JsonNode> alert() {
        return JsonObjects.object()
                .fixed("rule", JsonTrees.mostlyText(Texts.nonBlank()))
                .text("priority", Texts.usually("Emergency", "Alert", "Critical", "Error", "Warning", "Notice",
                        "Informational", "Debug"))
                .text("time", Times.text())
                .text("output", Texts.any())
                .text("hostname", Texts.kubernetesName())
                .text("source", Texts.usually("syscall", "k8s_audit", "aws_cloudtrail"))
                .text("uuid", Texts.any())
                .field("tags", JsonTrees.arrayOf(JsonTrees.mostlyText(Texts.any()), 5))
                .field("output_fields", outputFields())
                .build();
    }

    private static Gen<JsonNode> outputFields() {
        return JsonObjects.object()
                .field("evt.time", Times.any())
                .field("k8s.ns.name", JsonTrees.mostlyText(Texts.kubernetesName()))
                .field("k8s.pod.name", JsonTrees.mostlyText(Texts.kubernetesName()))
                .field("container.id", JsonTrees.mostlyText(Texts.usually("host", "3ad7b26ded6d")))
                .text("container.name", Texts.kubernetesName())
                .text("container.image.repository", Texts.any())
                .text("container.image.tag", Texts.any())
                .field("proc.cmdline", JsonTrees.mostlyText(Texts.any()))
                .field("fd.name", JsonTrees.mostlyText(Texts.any()))
                .field("user.name", JsonTrees.mostlyText(Texts.any()))
                .text("ka.target.resource", Texts.usually("pods", "secrets", "clusterroles"))
                .field("ka.target.name", JsonTrees.mostlyText(Texts.kubernetesName()))
                .field("ka.target.namespace", JsonTrees.mostlyText(Texts.kubernetesName()))
                .build();
    }
}
