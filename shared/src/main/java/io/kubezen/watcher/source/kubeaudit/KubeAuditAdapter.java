package io.kubezen.watcher.source.kubeaudit;

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

/** The API server's audit webhook backend: an {@code audit.k8s.io/v1} EventList (or one Event) per request. */
public final class KubeAuditAdapter implements SourceAdapter {

    /** The API server gives every request one auditID and reports it once per stage. */
    static final List<String> FINGERPRINT_FIELDS = List.of("details.auditID", "details.stage");

    @Override
    public SourceType type() {
        return SourceType.K8S_AUDIT;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        return new SourceDefaults(Category.SECURITY, Severity.INFO, "k8s_audit", FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        FieldMapping.rejectPaths(definition.mapping(), type(), errors);
        return new KubeAuditParser(new JsonReader(definition.nestingDepthLimit()));
    }
}
