package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.metrics.ObservedEvents;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the per-source gauges of {@link ObservedEvents} (last event, silence threshold) on the sources this
 * receiver serves: built-in, configured and projected alike, so a source that an Ingester's deletion took away
 * stops being reported instead of looking silent.
 */
public final class SourceGauges implements SourceCatalog.Listener {

    private final ObservedEvents observed;

    public SourceGauges(ObservedEvents observed) {
        this.observed = observed;
    }

    @Override
    public void changed(Collection<ReceiverSource> sources) {
        sources.forEach(source -> observed.track(source.name(),
                ExpectationsSpec.silentAfter(source.expectations()).orElse(null)));
        Set<String> served = sources.stream().map(ReceiverSource::name).collect(Collectors.toSet());
        observed.tracked().stream().filter(name -> !served.contains(name)).forEach(observed::untrack);
    }
}
