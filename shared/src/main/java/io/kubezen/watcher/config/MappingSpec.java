package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.model.Severity;

import java.util.Map;

/**
 * How a JSON payload becomes Observation fields. Paths are JSONPath (Jayway syntax); templates hold
 * {@code {{jsonpath}}} placeholders, a missing value renders empty.
 *
 * @param itemsPath   splits one payload into several events; absent: the payload is one event
 * @param details     extra detail key to JSONPath
 * @param severityMap tool word to our severity, consulted before the built-in synonyms
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingSpec(
        String itemsPath,
        Fields fields,
        Map<String, String> details,
        Map<String, String> severityMap,
        String titleTemplate,
        String descriptionTemplate,
        Severity defaultSeverity,
        String defaultEventType) {

    public static final Severity DEFAULT_SEVERITY = Severity.MEDIUM;
    public static final String DEFAULT_EVENT_TYPE = "webhook_event";

    /** JSONPath per Observation field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fields(
            String severity,
            String eventType,
            String category,
            String detectedAt,
            String resourceApiVersion,
            String resourceKind,
            String resourceName,
            String resourceNamespace,
            String rule) {
    }
}
