package io.kubezen.watcher.projection.memory;

import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.ProjectedConfig;
import io.kubezen.watcher.projection.ProjectionDocument;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The projection inside one process: for tests and a controller without Redis. Listeners run on the publisher's
 * thread. It keeps the document in its JSON form, as Redis does, so what it hands out was read back as an ingester
 * reads it.
 */
public final class InMemoryConfigProjection implements ConfigProjection {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private long version;
    private String document;

    @Override
    public ProjectedConfig read() {
        synchronized (lock) {
            return document == null ? ProjectedConfig.EMPTY : ProjectionDocument.read(version, document);
        }
    }

    @Override
    public long publish(Map<String, IngesterSpec> sources) {
        long published;
        String next = ProjectionDocument.write(sources);
        synchronized (lock) {
            document = next;
            published = ++version;
        }
        listeners.forEach(Runnable::run);
        return published;
    }

    @Override
    public AutoCloseable listen(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }
}
