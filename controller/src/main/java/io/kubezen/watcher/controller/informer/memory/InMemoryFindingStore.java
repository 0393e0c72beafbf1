package io.kubezen.watcher.controller.informer.memory;

import io.kubezen.watcher.controller.informer.FindingStore;
import io.kubezen.watcher.controller.informer.ObjectFindings;
import io.kubezen.watcher.controller.informer.ObjectKey;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For a controller without Redis and for tests: remembered only as long as the process lives. */
public final class InMemoryFindingStore implements FindingStore {

    private final Map<String, ObjectFindings> findings = new ConcurrentHashMap<>();

    @Override
    public Optional<ObjectFindings> get(String source, ObjectKey object) {
        return Optional.ofNullable(findings.get(key(source, object)));
    }

    @Override
    public void put(String source, ObjectKey object, ObjectFindings objectFindings) {
        findings.put(key(source, object), objectFindings);
    }

    @Override
    public void forget(String source, ObjectKey object) {
        findings.remove(key(source, object));
    }

    private static String key(String source, ObjectKey object) {
        return source + ":" + object;
    }
}
