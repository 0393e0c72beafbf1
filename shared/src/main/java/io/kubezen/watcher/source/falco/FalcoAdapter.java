package io.kubezen.watcher.source.falco;

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

/** Falco's {@code http_output} and falcosidekick's webhook output: one alert per request. */
public final class FalcoAdapter implements SourceAdapter {

    /**
     * What makes two Falco alerts the same: the rule, where it fired, and the output fields that tell one
     * occurrence from another (command, file, user, container). Never the time, and never the process id,
     * which changes on every repeat of the same behaviour.
     */
    static final List<String> FINGERPRINT_FIELDS = List.of(
            "rule",
            "details.hostname",
            "resource.namespace",
            "resource.name",
            "details.output_fields[\"container.id\"]",
            "details.output_fields[\"proc.cmdline\"]",
            "details.output_fields[\"fd.name\"]",
            "details.output_fields[\"user.name\"]");

    @Override
    public SourceType type() {
        return SourceType.FALCO;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        return new SourceDefaults(Category.SECURITY, Severity.MEDIUM, "falco_alert", FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        FieldMapping.rejectPaths(definition.mapping(), type(), errors);
        return new FalcoParser(new JsonReader(definition.nestingDepthLimit()));
    }
}
