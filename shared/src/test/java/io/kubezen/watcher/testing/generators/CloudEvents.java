package io.kubezen.watcher.testing.generators;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.source.Payload;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    private CloudEvents() {
    }

    public static Arbitrary<Sample> structured() {
        return Combinators.combine(Arbitraries.of(UNMAPPED, MAPPED), event())
                .as((source, event) -> Sample.of(source, event, STRUCTURED, Map.of()));
    }

    public static Arbitrary<Sample> batch() {
        return Combinators.combine(Arbitraries.of(UNMAPPED, MAPPED), JsonTrees.arrayOf(event(), 4))
                .as((source, events) -> Sample.of(source, events, BATCH, Map.of()));
    }

    /** Attributes in {@code ce-*} headers, percent-encoded as the HTTP binding requires; the body is the data. */
    public static Arbitrary<Sample> binary() {
        Arbitrary<Map<String, String>> headers = Combinators.combine(Texts.any(), Texts.any(), eventType(), Texts.any(),
                Times.rfc3339(), JsonTrees.key(), Texts.any()).as((id, source, type, subject, time, extension, value) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    h.put("ce-specversion", "1.0");
                    h.put("ce-id", percentEncoded(id));
                    h.put("ce-source", percentEncoded(source));
                    h.put("ce-type", percentEncoded(type));
                    h.put("ce-subject", percentEncoded(subject));
                    h.put("ce-time", time);
                    h.put("ce-" + percentEncoded(extension), percentEncoded(value));
                    return h;
                });
        Arbitrary<Tuple.Tuple2<String, byte[]>> bodies = Arbitraries.oneOf(
                data().map(data -> Tuple.of("application/json", Sample.bytes(data))),
                Texts.any().map(text -> Tuple.of("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(bytes -> Tuple.of("application/octet-stream", bytes)));
        return Combinators.combine(Arbitraries.of(UNMAPPED, MAPPED), headers, bodies).as((source, h, body) ->
                new Sample(source, new Payload(body.get2(), body.get1(), h)));
    }

    private static Arbitrary<JsonNode> event() {
        return JsonObjects.object()
                .fixed("specversion", JsonObjects.texts(Arbitraries.just("1.0")))
                .fixed("id", JsonObjects.texts(Texts.nonBlank()))
                .fixed("source", JsonObjects.texts(Texts.nonBlank()))
                .fixed("type", JsonObjects.texts(eventType()))
                .text("subject", Texts.any())
                .field("time", Times.any())
                .text("datacontenttype", Texts.usually("application/json", "text/plain"))
                .field("severity", JsonTrees.mostlyText(Texts.usually("critical", "warning", "debug")))
                .field("data", Arbitraries.frequencyOf(Tuple.of(3, data()), Tuple.of(1, JsonTrees.any())))
                .build();
    }

    private static Arbitrary<String> eventType() {
        return Texts.usually("com.github.pull_request.opened", "dev.knative.apiserver.resource.add",
                "io.argoproj.workflow.v1alpha1.WorkflowEventBindingCompletedWithWarnings");
    }

    private static Arbitrary<JsonNode> data() {
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
}
