package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** A small CRD, inline so the schema tests read it next to their cases and need no file. */
final class SchemaFixture {

    static final ResourceType WIDGETS = CrdLoader.parse("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.io}
            spec:
              group: example.io
              scope: Namespaced
              names: {plural: widgets, singular: widget, kind: Widget}
              versions:
                - name: v1
                  served: true
                  storage: true
                  subresources: {status: {}}
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [source, severity]
                          properties:
                            source: {type: string, minLength: 1, maxLength: 20, pattern: '^[a-z][a-z0-9-]*$'}
                            severity: {type: string, enum: [critical, high, medium, low, info]}
                            priority: {type: integer, minimum: 1, maximum: 10}
                            ratio: {type: number, minimum: 0, maximum: 1, exclusiveMaximum: true}
                            enabled: {type: boolean}
                            detectedAt: {type: string, format: date-time}
                            tags: {type: array, minItems: 1, maxItems: 3, items: {type: string, maxLength: 10}}
                            attributes: {type: object, additionalProperties: {type: string}}
                            limits:
                              type: object
                              additionalProperties:
                                type: object
                                properties: {max: {type: integer}}
                            port: {x-kubernetes-int-or-string: true}
                            note: {type: string, nullable: true}
                            ttl: {type: integer, default: 3600}
                            resource:
                              type: object
                              required: [kind]
                              properties: {kind: {type: string}, name: {type: string}}
                            targets:
                              type: array
                              items:
                                type: object
                                required: [name]
                                properties: {name: {type: string}, weight: {type: integer, minimum: 0}}
                            details: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        status:
                          type: object
                          properties:
                            phase: {type: string, enum: [Pending, Done]}
            """, "inline").get(0);

    private SchemaFixture() {
    }

    /** A Widget with the given spec JSON. */
    static ObjectNode widget(String specJson) {
        ObjectNode widget = Json.object().put("apiVersion", "example.io/v1").put("kind", "Widget");
        Json.metadata(widget).put("name", "w").put("namespace", "ns");
        widget.set("spec", Json.parse(specJson.getBytes(StandardCharsets.UTF_8)));
        return widget;
    }
}
