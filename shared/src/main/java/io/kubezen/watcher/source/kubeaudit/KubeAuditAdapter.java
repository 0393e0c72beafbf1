package io.kubezen.watcher.source.kubeaudit;

import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FixedFormatAdapter;

import java.util.List;

/** The API server's audit webhook backend: an {@code audit.k8s.io/v1} EventList (or one Event) per request. */
public final class KubeAuditAdapter extends FixedFormatAdapter {

    /** The API server gives every request one auditID and reports it once per stage. */
    static final List<String> FINGERPRINT_FIELDS = List.of("details.auditID", "details.stage");

    public KubeAuditAdapter() {
        super(SourceType.K8S_AUDIT,
                new SourceDefaults(Category.SECURITY, Severity.INFO, "k8s_audit", FINGERPRINT_FIELDS),
                KubeAuditParser::new);
    }
}
