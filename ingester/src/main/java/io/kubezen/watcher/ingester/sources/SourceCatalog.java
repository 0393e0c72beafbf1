package io.kubezen.watcher.ingester.sources;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sources this receiver answers for, looked up on every request. A reload swaps the whole set at once,
 * so a request sees either the old or the new configuration of a source, never a mix.
 */
public final class SourceCatalog {

    /** Told the whole set at construction and after every swap, on the thread that swapped it. */
    @FunctionalInterface
    public interface Listener {
        void changed(Collection<ReceiverSource> sources);
    }

    private final AtomicReference<Map<String, ReceiverSource>> sources;
    private final Listener listener;

    public SourceCatalog(Map<String, ReceiverSource> sources, Listener listener) {
        this.sources = new AtomicReference<>(Map.copyOf(sources));
        this.listener = listener;
        listener.changed(all());
    }

    public Optional<ReceiverSource> find(String name) {
        return Optional.ofNullable(sources.get().get(name));
    }

    public Collection<ReceiverSource> all() {
        return sources.get().values();
    }

    public void replaceAll(Map<String, ReceiverSource> replacement) {
        sources.set(Map.copyOf(replacement));
        listener.changed(all());
    }
}
