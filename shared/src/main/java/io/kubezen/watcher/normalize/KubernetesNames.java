package io.kubezen.watcher.normalize;

/** Name rules of the API server that decide whether a create would be rejected. */
public final class KubernetesNames {

    private static final int MAX_DNS_LABEL_LENGTH = 63;

    private KubernetesNames() {
    }

    /**
     * RFC 1123 label ({@code [a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?}), the rule for namespace names and for our source
     * names. Every event's namespace is checked here, so it reads the characters itself: a regular expression
     * would allocate a matcher each time.
     */
    public static boolean isDnsLabel(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DNS_LABEL_LENGTH
                || !isLowerLetterOrDigit(value.charAt(0)) || !isLowerLetterOrDigit(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (!isLowerLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
