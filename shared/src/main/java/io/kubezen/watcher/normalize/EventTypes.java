package io.kubezen.watcher.normalize;

/**
 * Event types are {@code [a-z0-9_]} so they can be typed in label selectors, filters and dashboards
 * without quoting, whatever the tool called them ("Terminal shell in container", "com.github.push"), and at
 * most 63 characters, the Observation CRD's limit. Longer ones keep their first characters and end in a hash of
 * the whole sanitized name, so two long names stay two event types.
 */
public final class EventTypes {

    /** The Observation CRD's {@code maxLength} of {@code spec.eventType}. */
    public static final int MAX_LENGTH = 63;

    private EventTypes() {
    }

    /**
     * The event type an Observation gets for a tool's name: {@link #sanitize sanitized}, then {@link #shorten
     * shortened}. Applying it to its own result changes nothing.
     *
     * @return null when nothing usable is left (the caller then uses its default)
     */
    public static String of(String raw) {
        String sanitized = sanitize(raw);
        return sanitized == null ? null : shorten(sanitized);
    }

    /**
     * Splits camel case ({@code KubePodCrashLooping} becomes {@code kube_pod_crash_looping}), lowercases,
     * turns every other character into {@code _}, collapses repeats and trims {@code _} at both ends. The
     * result may be longer than {@link #MAX_LENGTH}.
     *
     * @return the sanitized type, or null when nothing usable is left
     */
    public static String sanitize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), 2 * MAX_LENGTH));
        boolean pendingUnderscore = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!isLower(c) && !isUpper(c) && !isDigit(c)) {
                pendingUnderscore = true;
                continue;
            }
            if (isUpper(c) && i > 0 && startsWord(raw, i)) {
                pendingUnderscore = true;
            }
            if (pendingUnderscore && out.length() > 0) {
                out.append('_');
            }
            pendingUnderscore = false;
            out.append(isUpper(c) ? (char) (c + ('a' - 'A')) : c);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * A sanitized type of at most {@link #MAX_LENGTH} characters: itself when it fits, else its first 54
     * characters (without a trailing {@code _}), {@code _}, and the first 8 hex digits of the SHA-256 of the
     * whole sanitized type.
     */
    static String shorten(String sanitized) {
        return ShortNames.shorten(sanitized, MAX_LENGTH, '_', c -> c != '_');
    }

    /** An upper-case letter after a lower-case one or a digit, or the last capital of an acronym ("HTTPServer"). */
    private static boolean startsWord(String raw, int i) {
        char previous = raw.charAt(i - 1);
        boolean nextIsLower = i + 1 < raw.length() && isLower(raw.charAt(i + 1));
        return isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
