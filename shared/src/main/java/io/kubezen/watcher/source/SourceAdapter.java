package io.kubezen.watcher.source;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;

/**
 * The service-provider interface of a source type: how that tool's payloads are read. Each implementation
 * lives in its own package under {@code source} and registers itself in
 * {@code META-INF/services/io.kubezen.watcher.source.SourceAdapter}; nothing central lists them, so adding
 * a type touches only its own package and that one line. Implementations are stateless singletons with a
 * public no-argument constructor.
 */
public interface SourceAdapter {

    /** The type this adapter reads; the registry refuses two adapters for one type. */
    SourceType type();

    /**
     * The type's defaults for a source; called once when the source is compiled. The definition is
     * passed because a default may depend on it (a mapped webhook fingerprints its mapped fields).
     */
    SourceDefaults defaults(SourceDefinition definition);

    /**
     * Compiles the definition's type-specific parts (JSONPaths, for example) once, when the source is
     * loaded. Every problem is added to {@code errors} with its field path, such as
     * {@code spec.mapping.fields.severity}; the returned parser is used only if no error was added.
     */
    EventParser compile(SourceDefinition definition, ConfigErrors errors);
}
