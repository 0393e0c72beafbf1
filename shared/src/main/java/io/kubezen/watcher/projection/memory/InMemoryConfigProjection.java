package io.kubezen.watcher.projection.memory;

import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The projection inside one process: for tests and a controller without Redis. Listeners run on the publisher's thread. */
public final class InMemoryConfigProjection implements ConfigProjection {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ProjectedConfig current = ProjectedConfig.EMPTY;

    @Override
    public ProjectedConfig read() {
        synchronized (lock) {
            return current;
        }
    }

    @Override
    public long publish(Map<String, Map<String, Object>> sources) {
        long version;
        synchronized (lock) {
            current = new ProjectedConfig(current.version() + 1, sources);
            version = current.version();
        }
        listeners.forEach(Runnable::run);
        return version;
    }

    @Override
    public AutoCloseable listen(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }
}
