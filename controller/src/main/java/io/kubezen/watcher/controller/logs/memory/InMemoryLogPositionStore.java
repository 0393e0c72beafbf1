package io.kubezen.watcher.controller.logs.memory;

import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.LogPosition;
import io.kubezen.watcher.controller.logs.LogPositionStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Positions in this process only: for development and tests, where no other leader needs them. */
public final class InMemoryLogPositionStore implements LogPositionStore {

    private final Map<String, LogPosition> positions = new ConcurrentHashMap<>();

    @Override
    public Optional<LogPosition> get(String source, ContainerKey container) {
        return Optional.ofNullable(positions.get(key(source, container)));
    }

    @Override
    public void put(String source, ContainerKey container, LogPosition position) {
        positions.put(key(source, container), position);
    }

    @Override
    public void forget(String source, ContainerKey container) {
        positions.remove(key(source, container));
    }

    private static String key(String source, ContainerKey container) {
        return source + ":" + container;
    }
}
