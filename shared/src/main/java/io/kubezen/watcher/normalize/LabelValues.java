package io.kubezen.watcher.normalize;

/**
 * Kubernetes label values: at most 63 characters of {@code [A-Za-z0-9._-]}, starting and ending with an
 * alphanumeric. A value that breaks this makes the API server reject the whole Observation.
 */
public final class LabelValues {

    public static final int MAX_LENGTH = 63;

    private LabelValues() {
    }

    /**
     * Replaces other characters with {@code -} and trims non-alphanumeric ends; may return "". A longer result
     * keeps its first characters and ends in {@code -} and a hash of the whole repaired value, so that two long
     * values stay two label values.
     */
    public static String sanitize(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(isAlphanumeric(c) || c == '-' || c == '_' || c == '.' ? c : '-');
        }
        int start = 0;
        int end = out.length();
        while (start < end && !isAlphanumeric(out.charAt(start))) {
            start++;
        }
        while (end > start && !isAlphanumeric(out.charAt(end - 1))) {
            end--;
        }
        return ShortNames.shorten(out.substring(start, end), MAX_LENGTH, '-', c -> isAlphanumeric((char) c));
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
