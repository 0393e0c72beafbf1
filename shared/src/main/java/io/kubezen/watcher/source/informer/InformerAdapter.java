package io.kubezen.watcher.source.informer;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.InformerSpec;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects that the controller's informers hand over, one object per payload: mapped by the built-in
 * mapping {@code spec.informer.builtinMapping} names, or else by {@code spec.mapping}'s JSONPaths, as a webhook
 * payload would be. Never received over HTTP, so there is no built-in source of this type.
 */
public final class InformerAdapter implements SourceAdapter {

    /** JSON by every rule of {@link Payload#isJson()}, and says where the bytes came from. */
    public static final String CONTENT_TYPE = "application/vnd.kube-zen.kubernetes-object+json";

    static final List<String> MAPPED_FINGERPRINT_FIELDS = List.of(
            "eventType", "severity", "category", "resource", "title", "description", "details");
    static final List<String> UNMAPPED_FINGERPRINT_FIELDS = List.of("details.raw");
    /** Objects nest deeper than webhook payloads (managedFields); the API server bounds their size anyway. */
    private static final int OBJECT_NESTING_DEPTH = 256;

    /** The payload of one object, serialized as the API server serves it. */
    public static Payload payload(byte[] objectJson) {
        return new Payload(objectJson, CONTENT_TYPE, Map.of());
    }

    @Override
    public SourceType type() {
        return SourceType.INFORMER;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        ObjectMapping builtin = builtin(definition);
        if (builtin != null) {
            return builtin.defaults();
        }
        return new SourceDefaults(Category.OPERATIONS, MappingSpec.DEFAULT_SEVERITY, "kubernetes_object",
                FieldMapping.mapsContent(definition.mapping()) ? MAPPED_FINGERPRINT_FIELDS : UNMAPPED_FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        InformerSpec informer = definition.informer();
        if (informer == null) {
            errors.add("spec.informer", "is required for type informer");
            return null;
        }
        if (informer.resource() == null || informer.resource().isBlank()) {
            errors.add("spec.informer.resource", "is required");
        }
        if (informer.version() == null || informer.version().isBlank()) {
            errors.add("spec.informer.version", "is required");
        }
        if (informer.resyncSeconds() != null && informer.resyncSeconds() < 0) {
            errors.add("spec.informer.resyncSeconds", "must be 0 (off) or more");
        }
        JsonReader reader = new JsonReader(OBJECT_NESTING_DEPTH);
        if (informer.builtinMapping() == null) {
            return new ObjectParser(reader, FieldMapping.compile(definition.mapping(), errors)::drafts);
        }
        ObjectMapping builtin = builtin(definition);
        if (builtin == null) {
            errors.add("spec.informer.builtinMapping", "unknown mapping '" + informer.builtinMapping()
                    + "', expected one of " + ObjectMappings.names());
            return null;
        }
        FieldMapping.rejectPaths(definition.mapping(), SourceType.INFORMER, errors);
        return new ObjectParser(reader, builtin::map);
    }

    private static ObjectMapping builtin(SourceDefinition definition) {
        InformerSpec informer = definition.informer();
        return informer == null || informer.builtinMapping() == null ? null
                : ObjectMappings.find(informer.builtinMapping()).orElse(null);
    }
}
