package io.kubezen.watcher.source.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source's {@code spec.mapping}, compiled once: JSONPaths for Observation fields and details, the
 * optional {@code itemsPath} split, and title/description templates. Used by every source type that maps
 * arbitrary JSON (webhook, CloudEvents data). Immutable and safe to share between requests.
 */
public final class FieldMapping {

    private static final String FIELD = "spec.mapping";

    private final JsonPath itemsPath;
    private final Map<String, JsonPath> fields;
    private final Map<String, JsonPath> details;
    private final Template title;
    private final Template description;
    private final boolean mapsContent;

    private FieldMapping(JsonPath itemsPath, Map<String, JsonPath> fields, Map<String, JsonPath> details,
                         Template title, Template description, boolean mapsContent) {
        this.mapsContent = mapsContent;
        this.itemsPath = itemsPath;
        this.fields = fields;
        this.details = details;
        this.title = title;
        this.description = description;
    }

    /** Compiles every path and template, reporting each bad one as {@code spec.mapping.<where>}. */
    public static FieldMapping compile(MappingSpec spec, ConfigErrors errors) {
        if (spec == null) {
            return new FieldMapping(null, Map.of(), Map.of(), null, null, false);
        }
        JsonPath items = spec.itemsPath() == null ? null
                : JsonPaths.compile(spec.itemsPath(), FIELD + ".itemsPath", errors);
        Map<String, JsonPath> fields = new LinkedHashMap<>();
        fieldPaths(spec.fields()).forEach((name, path) -> put(fields, name,
                JsonPaths.compile(path, FIELD + ".fields." + name, errors)));
        Map<String, JsonPath> details = new LinkedHashMap<>();
        if (spec.details() != null) {
            spec.details().forEach((key, path) -> {
                if (Normalizer.RESERVED_DETAILS.contains(key)) {
                    errors.add(FIELD + ".details." + key, "is reserved: the pipeline sets details." + key + " itself");
                } else {
                    put(details, key, JsonPaths.compile(path, FIELD + ".details." + key, errors));
                }
            });
        }
        Template title = spec.titleTemplate() == null ? null
                : Template.compile(spec.titleTemplate(), FIELD + ".titleTemplate", errors);
        Template description = spec.descriptionTemplate() == null ? null
                : Template.compile(spec.descriptionTemplate(), FIELD + ".descriptionTemplate", errors);
        return new FieldMapping(items, Map.copyOf(fields), Collections.unmodifiableMap(details), title, description,
                mapsContent(spec));
    }

    /**
     * For types whose payload shape is fixed (Falco, audit, Alertmanager): only {@code severityMap},
     * {@code defaultSeverity} and {@code defaultEventType} apply, so JSONPaths there are a mistake to report.
     */
    public static void rejectPaths(MappingSpec spec, SourceType type, ConfigErrors errors) {
        if (mapsContent(spec)) {
            errors.add(FIELD, "type " + type.wireName() + " has a fixed payload format; only severityMap, "
                    + "defaultSeverity and defaultEventType apply, not JSONPath mapping");
        }
    }

    /** True when the spec maps anything beyond severity words and defaults: JSONPaths or templates. */
    public static boolean mapsContent(MappingSpec spec) {
        return spec != null && (spec.itemsPath() != null || spec.fields() != null || spec.details() != null
                || spec.titleTemplate() != null || spec.descriptionTemplate() != null);
    }

    /** True when this mapping sets anything on a draft. */
    public boolean mapsContent() {
        return mapsContent;
    }

    /**
     * The events in a payload: the matches of {@code itemsPath}, else each element of a top-level array,
     * else the payload itself.
     */
    public List<JsonNode> items(JsonNode payload) throws InvalidPayloadException {
        JsonNode matched = itemsPath == null ? payload : JsonPaths.read(itemsPath, payload);
        if (matched == null) {
            throw new InvalidPayloadException(itemsPath.getPath(), "matches nothing; it is the source's itemsPath");
        }
        if (!matched.isArray()) {
            return List.of(matched);
        }
        List<JsonNode> items = new ArrayList<>(matched.size());
        matched.forEach(items::add);
        return items;
    }

    /** One draft per item of the payload, each mapped and keeping its item as {@code details.raw}. */
    public List<ObservationDraft> drafts(JsonNode payload) throws InvalidPayloadException {
        List<JsonNode> items = items(payload);
        List<ObservationDraft> drafts = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            ObservationDraft.Builder draft = ObservationDraft.builder().raw(item);
            apply(item, draft);
            drafts.add(draft.build());
        }
        return drafts;
    }

    /** Sets on {@code draft} every mapped part the item has, overriding what the adapter set before. */
    public void apply(JsonNode item, ObservationDraft.Builder draft) {
        String severity = text("severity", item);
        if (severity != null) {
            draft.severity(severity);
        }
        String eventType = text("eventType", item);
        if (eventType != null) {
            draft.eventType(eventType);
        }
        String category = text("category", item);
        if (category != null) {
            draft.category(category);
        }
        String rule = text("rule", item);
        if (rule != null) {
            draft.rule(rule);
        }
        JsonPath detectedAtPath = fields.get("detectedAt");
        Instant detectedAt = detectedAtPath == null ? null : Timestamps.parse(JsonPaths.readOne(detectedAtPath, item));
        if (detectedAt != null) {
            draft.detectedAt(detectedAt);
        }
        ResourceRef resource = new ResourceRef(text("resourceApiVersion", item), text("resourceKind", item),
                text("resourceName", item), text("resourceNamespace", item));
        if (resource.apiVersion() != null || resource.kind() != null || resource.name() != null
                || resource.namespace() != null) {
            draft.resource(resource);
        }
        details.forEach((key, path) -> draft.detail(key, JsonPaths.read(path, item)));
        if (title != null) {
            draft.title(title.render(item));
        }
        if (description != null) {
            draft.description(description.render(item));
        }
    }

    private String text(String field, JsonNode item) {
        JsonPath path = fields.get(field);
        return path == null ? null : JsonFields.scalarText(JsonPaths.readOne(path, item));
    }

    private static Map<String, String> fieldPaths(MappingSpec.Fields f) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (f != null) {
            paths.put("severity", f.severity());
            paths.put("eventType", f.eventType());
            paths.put("category", f.category());
            paths.put("detectedAt", f.detectedAt());
            paths.put("resourceApiVersion", f.resourceApiVersion());
            paths.put("resourceKind", f.resourceKind());
            paths.put("resourceName", f.resourceName());
            paths.put("resourceNamespace", f.resourceNamespace());
            paths.put("rule", f.rule());
            paths.values().removeIf(Objects::isNull);
        }
        return paths;
    }

    private static void put(Map<String, JsonPath> map, String key, JsonPath path) {
        if (path != null) {
            map.put(key, path);
        }
    }
}
