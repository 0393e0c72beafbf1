package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The {@value MetricNames#DEDUP_WINDOW} gauge of each source the leader tuned. */
final class WindowGauges {

    private final MeterRegistry registry;
    private final Map<String, Registered> bySource = new ConcurrentHashMap<>();

    WindowGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void set(String source, long seconds) {
        bySource.computeIfAbsent(source, this::register).seconds().set(seconds);
    }

    void remove(String source) {
        Registered registered = bySource.remove(source);
        if (registered != null) {
            registry.remove(registered.gauge());
        }
    }

    /** At the end of a term: a standby must not export windows it no longer decides. */
    void clear() {
        bySource.keySet().forEach(this::remove);
    }

    private Registered register(String source) {
        AtomicLong seconds = new AtomicLong();
        Gauge gauge = Gauge.builder(MetricNames.DEDUP_WINDOW, seconds, AtomicLong::get)
                .description("The dedup window the tuner published for the source")
                .baseUnit("seconds")
                .tag(MetricNames.TAG_SOURCE, source)
                .register(registry);
        return new Registered(gauge, seconds);
    }

    private record Registered(Gauge gauge, AtomicLong seconds) {
    }
}
