package io.kubezen.watcher.store;

import java.util.regex.Pattern;

/**
 * Source names become key segments and SCAN patterns in the Redis stores, so every store implementation
 * accepts the same, safe set: no {@code :} separator, glob characters or braces. Ingester names always fit.
 */
public final class SourceNames {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private SourceNames() {
    }

    /** Returns {@code source} when it is a valid source name, throws otherwise. */
    public static String check(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source '" + source
                    + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return source;
    }
}
