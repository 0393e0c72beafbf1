package io.kubezen.watcher.source.cloudevents;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.List;

/**
 * CloudEvents 1.0 over HTTP in binary, structured and batch mode. Plain Jackson rather than the CloudEvents
 * SDK: the HTTP binding is a few header and media-type rules, and the SDK would bring its own event model
 * only to be converted into ours. Known producers' types have mappings of their own ({@link CloudEventMappings}).
 */
public final class CloudEventsAdapter implements SourceAdapter {

    /**
     * The CloudEvents spec makes source + id unique per distinct event; a redelivery repeats both. Events that
     * carry another type's payload are fingerprinted with that type's fields instead.
     */
    static final List<String> FINGERPRINT_FIELDS = List.of("details.cloudevent.source", "details.cloudevent.id");

    @Override
    public SourceType type() {
        return SourceType.CLOUDEVENTS;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        return new SourceDefaults(Category.OPERATIONS, Severity.INFO, "cloudevent", FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        FieldMapping mapping = FieldMapping.compile(definition.mapping(), errors);
        if (definition.mapping() != null && definition.mapping().itemsPath() != null) {
            errors.add("spec.mapping.itemsPath", "not used by type cloudevents: use batch mode to send several events");
        }
        if (definition.mapping() != null && definition.mapping().details() != null
                && definition.mapping().details().containsKey(CloudEvent.ATTRIBUTES)) {
            errors.add("spec.mapping.details." + CloudEvent.ATTRIBUTES, "is reserved for the event's attributes");
        }
        return new CloudEventsParser(new JsonReader(definition.nestingDepthLimit()),
                new CloudEventDrafts(mapping, CloudEventMappings.compile(definition, errors)));
    }
}
