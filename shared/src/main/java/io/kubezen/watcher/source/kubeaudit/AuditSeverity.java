package io.kubezen.watcher.source.kubeaudit;

import io.kubezen.watcher.model.Severity;

import java.util.Set;

/**
 * How much an audit event matters, first rule that applies wins:
 * <ol>
 *   <li>denied (HTTP 401/403, or the authorizer's decision "forbid"): medium, someone tried and failed;</li>
 *   <li>a write to secrets or to RBAC, or exec/attach/port-forward into a pod: high;</li>
 *   <li>a read of secrets: low;</li>
 *   <li>any other write: low;</li>
 *   <li>else (reads): the source's default severity, info unless {@code mapping.defaultSeverity} says otherwise.</li>
 * </ol>
 */
final class AuditSeverity {

    static final String DECISION_ANNOTATION = "authorization.k8s.io/decision";
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final Set<String> READS = Set.of("get", "list", "watch");
    /** Immutable sets throw on contains(null), so the optional subresource is checked for null first. */
    private static final Set<String> INTO_POD = Set.of("exec", "attach", "portforward");
    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    private AuditSeverity() {
    }

    /** @return our severity's name, or null to leave it to the source default */
    static String of(String verb, String apiGroup, String resource, String subresource, Integer code,
                     String decision) {
        if ((code != null && (code == 401 || code == 403)) || "forbid".equals(decision)) {
            return Severity.MEDIUM.wireName();
        }
        boolean secrets = "secrets".equals(resource) && subresource == null;
        if ((WRITES.contains(verb) && (secrets || RBAC_GROUP.equals(apiGroup)))
                || ("pods".equals(resource) && subresource != null && INTO_POD.contains(subresource))) {
            return Severity.HIGH.wireName();
        }
        if ((secrets && READS.contains(verb)) || WRITES.contains(verb)) {
            return Severity.LOW.wireName();
        }
        return null;
    }
}
