package io.kubezen.watcher.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.ArrayMap;
import io.kubezen.watcher.model.ResourceRef;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a source adapter read from one event, in the tool's own words: a severity word, an unsanitized event
 * type, the payload's time. The {@link Normalizer} turns it into an Observation the same way for every source.
 * Every part is optional.
 *
 * @param severity the tool's word (Falco's adapter passes an already mapped one); null: the source's default
 * @param category a per-event category word; null or unknown: the source's category
 * @param rule     the tool's rule or alert name; kept as {@code details.rule}, matched by filter rule lists
 * @param details  ordered; values are JSON trees, strings, numbers, booleans, lists or maps
 * @param labels   extra Observation labels with keys chosen by the adapter; values are sanitized
 * @param raw      the event as received, kept bounded as {@code details.raw}; null when {@code details}
 *                 already hold all of it
 * @param fingerprintFields the fields that identify this event when they are not its source type's default
 *                 (a CloudEvent that carries a Falco alert is identified as Falco alerts are); null: the
 *                 type's default. A source's configured {@code dedup.fingerprintFields} still win.
 */
public record ObservationDraft(
        String severity,
        String eventType,
        String category,
        ResourceRef resource,
        String rule,
        String title,
        String description,
        Instant detectedAt,
        Map<String, Object> details,
        Map<String, String> labels,
        JsonNode raw,
        List<String> fingerprintFields) {

    public ObservationDraft {
        details = details == null ? Map.of() : ArrayMap.copyOf(details);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        fingerprintFields = fingerprintFields == null ? null : List.copyOf(fingerprintFields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every part of this draft, for an adapter that adds to another adapter's draft. */
    public Builder toBuilder() {
        Builder builder = new Builder().severity(severity).eventType(eventType).category(category).resource(resource)
                .rule(rule).title(title).description(description).detectedAt(detectedAt).raw(raw)
                .fingerprintFields(fingerprintFields);
        builder.details.putAll(details);
        builder.labels.putAll(labels);
        return builder;
    }

    /** Adapters fill a handful of the twelve parts each; named setters keep that readable. */
    public static final class Builder {
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String severity;
        private String eventType;
        private String category;
        private ResourceRef resource;
        private String rule;
        private String title;
        private String description;
        private Instant detectedAt;
        private JsonNode raw;
        private List<String> fingerprintFields;

        private Builder() {
        }

        public Builder severity(String value) {
            severity = value;
            return this;
        }

        public Builder eventType(String value) {
            eventType = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder resource(ResourceRef value) {
            resource = value;
            return this;
        }

        public Builder rule(String value) {
            rule = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder detectedAt(Instant value) {
            detectedAt = value;
            return this;
        }

        /** Adds a detail unless the value is absent (null, JSON null or missing), so details hold only facts. */
        public Builder detail(String key, Object value) {
            if (value != null && !(value instanceof JsonNode node && (node.isNull() || node.isMissingNode()))) {
                details.put(key, value);
            }
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder raw(JsonNode value) {
            raw = value;
            return this;
        }

        public Builder fingerprintFields(List<String> value) {
            fingerprintFields = value;
            return this;
        }

        public ObservationDraft build() {
            return new ObservationDraft(severity, eventType, category, resource, rule, title, description,
                    detectedAt, details, labels, raw, fingerprintFields);
        }
    }
}
