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

    private final AtomicReference<Map<String, ReceiverSource>> sources;

    public SourceCatalog(Map<String, ReceiverSource> sources) {
        this.sources = new AtomicReference<>(Map.copyOf(sources));
    }

    public Optional<ReceiverSource> find(String name) {
        return Optional.ofNullable(sources.get().get(name));
    }

    public Collection<ReceiverSource> all() {
        return sources.get().values();
    }

    public void replaceAll(Map<String, ReceiverSource> replacement) {
        sources.set(Map.copyOf(replacement));
    }
}
