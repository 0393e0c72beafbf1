package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * JSON posted to webhook sources: one mapped with a JSONPath for every Observation field, templates and details,
 * one that splits its payload with {@code itemsPath}, and one without a mapping, which keeps the payload raw.
 */
public final class WebhookPayloads {

    private static final SourceDefinition MAPPED = Fixtures.definition("""
            name: webhook-mapped
            type: webhook
            destination: {allowedNamespaces: ["*"]}
            mapping:
              fields:
                severity: "$.level"
                eventType: "$.kind"
                category: "$.category"
                detectedAt: "$.time"
                resourceApiVersion: "$.obj.apiVersion"
                resourceKind: "$.obj.kind"
                resourceName: "$.obj.name"
                resourceNamespace: "$.obj.namespace"
                rule: "$.rule"
              details: {user: "$.user.name", host: "$.host", tags: "$.tags[*]", all: "$"}
              severityMap: {CRIT: critical, WARN: medium}
              titleTemplate: "{{$.rule}} on {{$.host}} {{$.tags[*]}}"
              descriptionTemplate: "{{$.message}} {{$.obj}}"
            """);
    private static final SourceDefinition ITEMS = Fixtures.definition("""
            name: webhook-items
            type: webhook
            mapping:
              itemsPath: "$.events[*]"
              fields: {severity: "$.level", eventType: "$..kind", resourceName: "$.obj.name", resourceKind: "$.obj.kind"}
              details: {tags: "$.tags"}
              titleTemplate: "{{$.kind}} on {{$.obj.name}}"
            """);
    private static final SourceDefinition UNMAPPED = Fixtures.definition("{name: webhook, type: webhook}");

    private WebhookPayloads() {
    }

    public static Gen<Sample> samples() {
        Gen<JsonNode> batch = JsonObjects.object().fixed("events", JsonTrees.arrayOf(item(), 4)).build();
        return Generate.oneOf(
                item().map(item -> Sample.json(MAPPED, item)),
                JsonTrees.arrayOf(item(), 3).map(items -> Sample.json(MAPPED, items)),
                batch.map(body -> Sample.json(ITEMS, body)),
                item().zip(JsonTrees.any(), (item, any) -> Sample.json(UNMAPPED, any.isContainerNode() ? any : item)));
    }

    private static Gen<JsonNode> item() {
        return JsonObjects.object()
                .field("level", JsonTrees.mostlyText(Texts.usually("CRIT", "WARN", "info", "error")))
                .field("kind", JsonTrees.mostlyText(Texts.any()))
                .field("category", JsonTrees.mostlyText(Texts.usually("security", "Compliance", "cost ")))
                .field("time", Times.any())
                .field("obj", JsonObjects.object()
                        .field("apiVersion", JsonTrees.mostlyText(Texts.any()))
                        .field("kind", JsonTrees.mostlyText(Texts.any()))
                        .field("name", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .field("namespace", JsonTrees.mostlyText(Texts.kubernetesName()))
                        .build())
                .field("rule", JsonTrees.mostlyText(Texts.any()))
                .field("user", JsonObjects.object().field("name", JsonTrees.any()).build())
                .field("host", JsonTrees.mostlyText(Texts.any()))
                .field("tags", JsonTrees.arrayOf(JsonTrees.any(), 4))
                .field("message", JsonTrees.mostlyText(Texts.any()))
                .build();
    }
}
