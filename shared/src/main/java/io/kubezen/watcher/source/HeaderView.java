package io.kubezen.watcher.source;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Request headers read in place where the HTTP server holds them, as a read-only map: names match
 * case-insensitively, and the first value of a repeated header is the one seen. {@link Payload} keeps such a view
 * as it is, because most sources read no header and copying every header of every request costs more than the
 * rest of a small request's checks. Only iterating builds a sorted copy, once.
 */
public abstract class HeaderView extends AbstractMap<String, String> {

    private Set<Map.Entry<String, String>> entries;

    /** The first value of the header named {@code name} in any case, or null when the request has none. */
    protected abstract String first(String name);

    /** Passes every header in the order received, a repeated one once per value. */
    protected abstract void forEachHeader(BiConsumer<String, String> action);

    @Override
    public String get(Object name) {
        return name instanceof String text ? first(text) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        if (entries == null) {
            TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            forEachHeader(sorted::putIfAbsent);
            entries = Collections.unmodifiableMap(sorted).entrySet();
        }
        return entries;
    }
}
