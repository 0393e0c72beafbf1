package io.kubezen.watcher.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map that keeps its entries in the order they were given, in two arrays: how an Observation holds
 * its details and the JSON objects inside them. An Observation lives until the store has answered for its request,
 * so every young collection copies it; a {@code LinkedHashMap} costs a 40-byte entry per field and a hash table per
 * object, which made up half of an audit event's Observation. Lookups scan the keys: details are read mostly by
 * serialization, in order, and looked up by a handful of fingerprint fields and filter rules.
 */
public final class ArrayMap extends AbstractMap<String, Object> {

    private static final ArrayMap EMPTY = new ArrayMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private ArrayMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An ordered copy of {@code entries}; one that already is an {@code ArrayMap} is returned as it is. */
    public static ArrayMap copyOf(Map<String, ?> entries) {
        if (entries instanceof ArrayMap same) {
            return same;
        }
        if (entries.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder(entries.size());
        entries.forEach(builder::add);
        return builder.build();
    }

    /** For exactly {@code size} entries whose keys the caller knows to be distinct, such as a JSON object's fields. */
    public static Builder builder(int size) {
        return new Builder(size);
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Fills the arrays in order; {@link #build} checks that exactly the announced number of entries came. */
    public static final class Builder {

        private final String[] keys;
        private final Object[] values;
        private int size;

        private Builder(int size) {
            this.keys = new String[size];
            this.values = new Object[size];
        }

        /** @throws NullPointerException when {@code key} is null */
        public Builder add(String key, Object value) {
            if (key == null) {
                throw new NullPointerException("key");
            }
            keys[size] = key;
            values[size++] = value;
            return this;
        }

        public ArrayMap build() {
            if (size != keys.length) {
                throw new IllegalStateException(size + " of " + keys.length + " entries were added");
            }
            return size == 0 ? EMPTY : new ArrayMap(keys, values);
        }
    }
}
