package io.kubezen.watcher.source.webhook;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.List;

/**
 * Any JSON object or array, mapped by the source's {@code spec.mapping}. Without a mapping every event is
 * kept as {@code details.raw} with the default type and severity, so nothing sent is lost while the
 * mapping is being written.
 */
public final class WebhookAdapter implements SourceAdapter {

    /** Everything the mapping produced except the time; {@code details} alone leaves {@code details.raw} out. */
    static final List<String> MAPPED_FINGERPRINT_FIELDS = List.of(
            "eventType", "severity", "category", "resource", "title", "description", "details");
    /** With nothing mapped the payload is the only content there is. */
    static final List<String> UNMAPPED_FINGERPRINT_FIELDS = List.of("details.raw");

    @Override
    public SourceType type() {
        return SourceType.WEBHOOK;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        return new SourceDefaults(Category.OPERATIONS, MappingSpec.DEFAULT_SEVERITY, MappingSpec.DEFAULT_EVENT_TYPE,
                FieldMapping.mapsContent(definition.mapping()) ? MAPPED_FINGERPRINT_FIELDS : UNMAPPED_FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        return new WebhookParser(new JsonReader(definition.nestingDepthLimit()),
                FieldMapping.compile(definition.mapping(), errors));
    }
}
