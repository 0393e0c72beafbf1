package io.kubezen.watcher.source;

import io.kubezen.watcher.config.SourceType;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The source adapters available in this process, found through {@link ServiceLoader}. */
public final class SourceAdapterRegistry {

    private final Map<SourceType, SourceAdapter> adapters = new EnumMap<>(SourceType.class);

    public SourceAdapterRegistry(Collection<SourceAdapter> available) {
        for (SourceAdapter adapter : available) {
            SourceAdapter previous = adapters.putIfAbsent(adapter.type(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two source adapters for type '" + adapter.type().wireName()
                        + "': " + previous.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
    }

    /** Every adapter registered on the class path of this class's loader. */
    public static SourceAdapterRegistry load() {
        return new SourceAdapterRegistry(ServiceLoader.load(SourceAdapter.class, SourceAdapter.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    public Optional<SourceAdapter> find(SourceType type) {
        return Optional.ofNullable(adapters.get(type));
    }

    /** The types that can be received; each also exists as a built-in source named after it. */
    public Set<SourceType> types() {
        return adapters.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(adapters.keySet()));
    }
}
