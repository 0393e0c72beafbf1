package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.source.Payload;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudEvents 1.0 over HTTP in structured, batch and binary mode, to the built-in source (data kept whole) and to
 * a source whose mapping reads the data with JSONPaths.
 */
public final class CloudEvents {

    private static final SourceDefinition UNMAPPED = Fixtures.definition(
            "{name: cloudevents, type: cloudevents, destination: {allowedNamespaces: ['*']}}");
    private static final SourceDefinition MAPPED = Fixtures.definition("""
            name: ce-mapped
            type: cloudevents
            destination: {allowedNamespaces: ["*"]}
            mapping:
              fields:
                severity: "$.data.level"
                eventType: "$.data.kind"
                category: "$.data.category"
                detectedAt: "$.data.time"
                resourceApiVersion: "$.data.apiVersion"
                resourceKind: "$.data.kind"
                resourceName: "$.data.name"
                resourceNamespace: "$.data.namespace"
                rule: "$.data.rule"
              details: {health: "$.data.health", everything: "$.data", ids: "$..id"}
              titleTemplate: "{{$.data.kind}} {{$.subject}} {{$.data.name}}"
              descriptionTemplate: "{{$.data.message}} {{$.data}}"
            """);
    private static final Gen<SourceDefinition> SOURCES = Generate.pick(List.of(UNMAPPED, MAPPED));
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    private CloudEvents() {
    }

    public static Gen<Sample> structured() {
        return SOURCES.zip(event(), (source, event) -> Sample.of(source, event, STRUCTURED, Map.of()));
    }

    public static Gen<Sample> batch() {
        return SOURCES.zip(JsonTrees.arrayOf(event(), 4),
                (source, events) -> Sample.of(source, events, BATCH, Map.of()));
    }

    /** Attributes in {@code ce-*} headers, percent-encoded as the HTTP binding requires; the body is the data. */
    public static Gen<Sample> binary() {
        Gen<String> text = Texts.any();
        Gen<String> type = eventType();
        Gen<String> time = Times.rfc3339();
        Gen<String> extension = JsonTrees.key();
        Gen<Map<String, String>> headers = source -> {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("ce-specversion", "1.0");
            h.put("ce-id", percentEncoded(text.generate(source)));
            h.put("ce-source", percentEncoded(text.generate(source)));
            h.put("ce-type", percentEncoded(type.generate(source)));
            h.put("ce-subject", percentEncoded(text.generate(source)));
            h.put("ce-time", time.generate(source));
            h.put("ce-" + percentEncoded(extension.generate(source)), percentEncoded(text.generate(source)));
            return h;
        };
        Gen<Body> bodies = Generate.oneOf(
                data().map(data -> new Body("application/json", Sample.bytes(data))),
                text.map(t -> new Body("text/plain; charset=utf-8", t.getBytes(StandardCharsets.UTF_8))),
                Generate.byteArrays(Generate.range(0, 200), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                        .map(bytes -> new Body("application/octet-stream", bytes)));
        return SOURCES.zip(headers, bodies, (source, h, body) ->
                new Sample(source, new Payload(body.bytes(), body.contentType(), h)));
    }

    private static Gen<JsonNode> event() {
        return JsonObjects.object()
                .fixed("specversion", JsonObjects.texts(Generate.constant("1.0")))
                .fixed("id", JsonObjects.texts(Texts.nonBlank()))
                .fixed("source", JsonObjects.texts(Texts.nonBlank()))
                .fixed("type", JsonObjects.texts(eventType()))
                .text("subject", Texts.any())
                .field("time", Times.any())
                .text("datacontenttype", Texts.usually("application/json", "text/plain"))
                .field("severity", JsonTrees.mostlyText(Texts.usually("critical", "warning", "debug")))
                .field("data", Generate.frequency(Pair.of(3, data()), Pair.of(1, JsonTrees.any())))
                .build();
    }

    private static Gen<String> eventType() {
        return Texts.usually("com.github.pull_request.opened", "dev.knative.apiserver.resource.add",
                "io.argoproj.workflow.v1alpha1.WorkflowEventBindingCompletedWithWarnings");
    }

    private static Gen<JsonNode> data() {
        return JsonObjects.object()
                .field("level", JsonTrees.mostlyText(Texts.usually("critical", "high", "warn")))
                .field("kind", JsonTrees.mostlyText(Texts.any()))
                .field("category", JsonTrees.mostlyText(Texts.usually("security", "cost")))
                .field("time", Times.any())
                .field("apiVersion", JsonTrees.mostlyText(Texts.any()))
                .field("name", JsonTrees.mostlyText(Texts.kubernetesName()))
                .field("namespace", JsonTrees.mostlyText(Texts.kubernetesName()))
                .field("rule", JsonTrees.mostlyText(Texts.any()))
                .field("health", JsonTrees.any())
                .field("message", JsonTrees.mostlyText(Texts.any()))
                .field("id", JsonTrees.any())
                .build();
    }

    /** Every byte outside printable ASCII, and the percent sign, as {@code %XX}. */
    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            out.append(c > 0x20 && c < 0x7F && c != '%' ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    private record Body(String contentType, byte[] bytes) {
    }
}
