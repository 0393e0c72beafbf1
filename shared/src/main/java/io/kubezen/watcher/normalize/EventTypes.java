package io.kubezen.watcher.normalize;

/**
 * Event types are {@code [a-z0-9_]} so they can be typed in label selectors, filters and dashboards
 * without quoting, whatever the tool called them ("Terminal shell in container", "com.github.push").
 */
public final class EventTypes {

    public static final int MAX_LENGTH = 128;

    private EventTypes() {
    }

    /**
     * Splits camel case ({@code KubePodCrashLooping} becomes {@code kube_pod_crash_looping}), lowercases,
     * turns every other character into {@code _}, collapses repeats, trims {@code _} at both ends and cuts
     * at {@link #MAX_LENGTH}.
     *
     * @return the sanitized type, or null when nothing usable is left (the caller then uses its default)
     */
    public static String sanitize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
        boolean pendingUnderscore = false;
        for (int i = 0; i < raw.length() && out.length() < MAX_LENGTH; i++) {
            char c = raw.charAt(i);
            if (!isLower(c) && !isUpper(c) && !isDigit(c)) {
                pendingUnderscore = true;
                continue;
            }
            if (isUpper(c) && i > 0 && startsWord(raw, i)) {
                pendingUnderscore = true;
            }
            if (pendingUnderscore && out.length() > 0 && out.length() < MAX_LENGTH - 1) {
                out.append('_');
            }
            pendingUnderscore = false;
            out.append(isUpper(c) ? (char) (c + ('a' - 'A')) : c);
        }
        return out.length() == 0 ? null : out.toString();
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
