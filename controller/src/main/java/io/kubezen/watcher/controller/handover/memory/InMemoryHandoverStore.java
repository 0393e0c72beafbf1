package io.kubezen.watcher.controller.handover.memory;

import io.kubezen.watcher.controller.handover.HandoverStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For a controller without Redis and for tests: remembered only as long as the process lives. */
public class InMemoryHandoverStore<K, V> implements HandoverStore<K, V> {

    private final Map<String, V> values = new ConcurrentHashMap<>();

    @Override
    public Optional<V> get(String source, K key) {
        return Optional.ofNullable(values.get(key(source, key)));
    }

    @Override
    public void put(String source, K key, V value) {
        values.put(key(source, key), value);
    }

    @Override
    public void forget(String source, K key) {
        values.remove(key(source, key));
    }

    private static String key(String source, Object key) {
        return source + ":" + key;
    }
}
