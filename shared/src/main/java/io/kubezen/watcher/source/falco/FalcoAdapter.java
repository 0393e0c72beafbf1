package io.kubezen.watcher.source.falco;

import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FixedFormatAdapter;

import java.util.List;

/** Falco's {@code http_output} and falcosidekick's webhook output: one alert per request. */
public final class FalcoAdapter extends FixedFormatAdapter {

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

    public FalcoAdapter() {
        super(SourceType.FALCO,
                new SourceDefaults(Category.SECURITY, Severity.MEDIUM, "falco_alert", FINGERPRINT_FIELDS),
                FalcoParser::new);
    }
}
