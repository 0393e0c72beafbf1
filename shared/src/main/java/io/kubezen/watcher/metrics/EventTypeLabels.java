package io.kubezen.watcher.metrics;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the {@code event_type} tag bounded. An Observation's event type comes from the sender (a Falco rule, an
 * Alertmanager alert name, a CloudEvent type), so a source could bring any number of them. Each source keeps the
 * first {@code perSource} distinct types this process sees as tag values; every later one is tagged
 * {@link #OTHER}. Sources with a fixed set of types (Trivy, Kyverno, Kubernetes audit verbs) stay well under the
 * cap, and the rest show their most common types, because those come first.
 */
public final class EventTypeLabels {

    public static final String OTHER = "other";
    /** The configuration key of {@code perSource}, the same in both apps. */
    public static final String PER_SOURCE_KEY = "zen-watcher.metrics.event-types-per-source";
    public static final int DEFAULT_PER_SOURCE = 50;

    private final int perSource;
    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    /** @param perSource distinct event types per source; 0 tags every event {@link #OTHER} */
    public EventTypeLabels(int perSource) {
        if (perSource < 0) {
            throw new IllegalArgumentException("event types per source must not be negative, was " + perSource);
        }
        this.perSource = perSource;
    }

    public String label(String source, String eventType) {
        Set<String> types = known.computeIfAbsent(source, name -> new HashSet<>());
        synchronized (types) {
            if (types.contains(eventType) || types.size() < perSource && types.add(eventType)) {
                return eventType;
            }
            return OTHER;
        }
    }
}
