package io.kubezen.watcher.controller.gc.memory;

import io.kubezen.watcher.controller.gc.ObservationStore;
import io.kubezen.watcher.controller.gc.ObservationStoreContract;
import io.kubezen.watcher.controller.gc.StoredObservation;

import java.util.UUID;

class InMemoryObservationStoreTest extends ObservationStoreContract {

    private final InMemoryObservationStore memory = new InMemoryObservationStore();

    @Override
    protected ObservationStore createStore() {
        return memory;
    }

    @Override
    protected void add(String namespace, String name, Long ttlSeconds, String source, String severity) {
        memory.add(new StoredObservation(namespace, name, UUID.randomUUID().toString(), clock.instant(), ttlSeconds,
                source, severity, null));
    }

    @Override
    protected void addOfInstall(String install, String namespace, String name) {
        memory.add(new StoredObservation(namespace, name, UUID.randomUUID().toString(), clock.instant(), null,
                "falco", "high", install));
    }
}
