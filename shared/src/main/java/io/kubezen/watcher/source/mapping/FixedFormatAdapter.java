package io.kubezen.watcher.source.mapping;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceDefaults;

import java.util.function.Function;

/**
 * A source type whose payload format its tool fixes: the same defaults for every source, and a parser that needs
 * no JSONPaths, so a mapping that names paths is refused ({@link FieldMapping#rejectPaths}).
 */
public abstract class FixedFormatAdapter implements SourceAdapter {

    private final SourceType type;
    private final SourceDefaults defaults;
    private final Function<JsonReader, EventParser> parser;

    protected FixedFormatAdapter(SourceType type, SourceDefaults defaults, Function<JsonReader, EventParser> parser) {
        this.type = type;
        this.defaults = defaults;
        this.parser = parser;
    }

    @Override
    public final SourceType type() {
        return type;
    }

    @Override
    public final SourceDefaults defaults(SourceDefinition definition) {
        return defaults;
    }

    @Override
    public final EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        FieldMapping.rejectPaths(definition.mapping(), type, errors);
        return parser.apply(new JsonReader(definition.nestingDepthLimit()));
    }
}
