package io.kubezen.watcher.store;

import java.util.regex.Pattern;

/**
 * The rules for a source's name, in one place. A configured source must have an Ingester name
 * ({@link #isIngesterName}, the CRD's {@code spec.source} pattern), because the name also becomes a label
 * value and the prefix of Observation names. Source names also become key segments and SCAN patterns in the
 * Redis stores, so every store implementation accepts a safe set ({@link #check}): no {@code :} separator,
 * glob characters or braces. Ingester names always fit it.
 */
public final class SourceNames {

    public static final String INGESTER_NAME_RULE = "must be at most 63 characters of a-z, 0-9 and '-'";

    private static final Pattern INGESTER_NAME = Pattern.compile("[a-z0-9-]{1,63}");

    private SourceNames() {
    }

    public static boolean isIngesterName(String name) {
        return INGESTER_NAME.matcher(name).matches();
    }

    /**
     * Returns {@code source} when it is a valid source name ({@code [A-Za-z0-9][A-Za-z0-9._-]*}), throws otherwise.
     * Every key of an admitted event passes here several times, so it reads the characters itself: a regular
     * expression would allocate a matcher each time.
     */
    public static String check(String source) {
        if (!isSourceName(source)) {
            throw new IllegalArgumentException("source '" + source
                    + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return source;
    }

    private static boolean isSourceName(String source) {
        if (source == null || source.isEmpty() || !isAsciiLetterOrDigit(source.charAt(0))) {
            return false;
        }
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
