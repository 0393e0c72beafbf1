package io.kubezen.watcher.source.informer;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The built-in object mappings on the class path, by name. */
final class ObjectMappings {

    private static final Map<String, ObjectMapping> MAPPINGS = load();

    private ObjectMappings() {
    }

    static Optional<ObjectMapping> find(String name) {
        return Optional.ofNullable(MAPPINGS.get(name));
    }

    static String names() {
        return String.join(", ", MAPPINGS.keySet());
    }

    private static Map<String, ObjectMapping> load() {
        Map<String, ObjectMapping> mappings = new TreeMap<>();
        for (ObjectMapping mapping : ServiceLoader.load(ObjectMapping.class, ObjectMapping.class.getClassLoader())) {
            ObjectMapping previous = mappings.putIfAbsent(mapping.name(), mapping);
            if (previous != null) {
                throw new IllegalStateException("two object mappings named '" + mapping.name() + "': "
                        + previous.getClass().getName() + " and " + mapping.getClass().getName());
            }
        }
        return Map.copyOf(mappings);
    }
}
