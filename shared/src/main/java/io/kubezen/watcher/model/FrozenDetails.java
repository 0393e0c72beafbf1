package io.kubezen.watcher.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The unmodifiable, ordered copy of details that {@link ObservationSpec} keeps. Its own type lets the spec's
 * {@code with…} methods recognise details it already copied and share them, instead of copying every event's
 * details once more per step of the pipeline.
 */
final class FrozenDetails extends AbstractMap<String, Object> {

    private final Map<String, Object> entries;

    private FrozenDetails(Map<String, Object> details) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static Map<String, Object> of(Map<String, Object> details) {
        return details instanceof FrozenDetails ? details : new FrozenDetails(details);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }
}
