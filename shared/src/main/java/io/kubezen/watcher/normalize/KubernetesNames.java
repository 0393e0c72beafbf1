package io.kubezen.watcher.normalize;

import java.util.regex.Pattern;

/** Name rules of the API server that decide whether a create would be rejected. */
public final class KubernetesNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private KubernetesNames() {
    }

    /** RFC 1123 label, the rule for namespace names and for our source names. */
    public static boolean isDnsLabel(String value) {
        return value != null && DNS_LABEL.matcher(value).matches();
    }
}
