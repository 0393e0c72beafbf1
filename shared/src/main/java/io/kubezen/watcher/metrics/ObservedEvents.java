package io.kubezen.watcher.metrics;

import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.pipeline.Admitted;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.queue.QueuedObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sources observed, for the people who read the Observations rather than for those who run the
 * pipeline: new events and repeats by source, category, severity and a bounded event type, and per source the
 * time of its last event and its silence threshold ({@link MetricNames#EVENTS}, {@link MetricNames#LAST_EVENT}).
 * Every process that admits events has one: the ingester's receivers for webhook sources, the leading controller
 * for informer sources. Each tells it which sources it serves ({@link #track}, {@link #untrack}); only those have
 * the per-source gauges, so a source that is gone, or that a standby controller does not run, cannot look silent.
 */
public final class ObservedEvents {

    private final MeterRegistry registry;
    private final Clock clock;
    private final EventTypeLabels eventTypes;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    /** By label set: a registry lookup builds and sorts the tags, which every admitted request would pay for. */
    private final Map<Labels, Counter> fresh = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> repeated = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    public ObservedEvents(MeterRegistry registry, Clock clock, EventTypeLabels eventTypes) {
        this.registry = registry;
        this.clock = clock;
        this.eventTypes = eventTypes;
    }

    /**
     * Starts reporting a source, or updates its threshold. Its last-event time starts at now: that the source
     * was silent before this process served it cannot be known here.
     *
     * @param silentAfter the source's {@code expectations.silentAfterSeconds}; null when it sets none
     */
    public void track(String source, Duration silentAfter) {
        synchronized (lock) {
            served.computeIfAbsent(source, name -> new Served(registry, name, clock.millis()))
                    .threshold(registry, source, silentAfter);
        }
    }

    /** Stops reporting a source this process no longer serves; its counters stay. */
    public void untrack(String source) {
        synchronized (lock) {
            Served gone = served.remove(source);
            if (gone != null) {
                gone.remove(registry, source);
            }
        }
    }

    public Set<String> tracked() {
        return Set.copyOf(served.keySet());
    }

    /**
     * Counts one request's or one object's events once they were admitted.
     *
     * @param received how many events the source sent, the filtered ones too: any of them shows it is alive
     * @param accepted the events that passed the filter, in the order given to admission
     * @param admitted what admission did with {@code accepted}
     */
    public void record(String source, int received, List<IngestedEvent> accepted, Admitted admitted) {
        if (received > 0) {
            Served tracked = served.get(source);
            if (tracked != null) {
                tracked.eventAt(clock.millis());
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        if (accepted.size() == 1) {
            // Most requests carry one event (a Falco alert): no tally maps for them.
            count(labels(source, accepted.get(0).observation()), 1, admitted.queued().size());
            return;
        }
        // Queued events are the new ones; the rest of each label set were repeats.
        Map<Labels, Integer> all = new HashMap<>();
        accepted.forEach(event -> all.merge(labels(source, event.observation()), 1, Integer::sum));
        Map<Labels, Integer> created = new HashMap<>();
        for (QueuedObservation queued : admitted.queued()) {
            created.merge(labels(source, queued.observation()), 1, Integer::sum);
        }
        all.forEach((labels, count) -> count(labels, count, created.getOrDefault(labels, 0)));
    }

    private void count(Labels labels, int events, int created) {
        if (created > 0) {
            fresh.computeIfAbsent(labels, key -> registry.counter(MetricNames.EVENTS, key.tags())).increment(created);
        }
        if (events > created) {
            repeated.computeIfAbsent(labels, key -> registry.counter(MetricNames.EVENTS_REPEATED, key.tags()))
                    .increment(events - created);
        }
    }

    private Labels labels(String source, Observation observation) {
        ObservationSpec spec = observation.spec();
        return new Labels(source, spec.category().wireName(), spec.severity().wireName(),
                eventTypes.label(source, spec.eventType()));
    }

    private record Labels(String source, String category, String severity, String eventType) {

        Tags tags() {
            return Tags.of(MetricNames.TAG_SOURCE, source, MetricNames.TAG_CATEGORY, category,
                    MetricNames.TAG_SEVERITY, severity, MetricNames.TAG_EVENT_TYPE, eventType);
        }
    }

    /** One served source's gauges; changed only under the owner's lock, read by the scrape at any time. */
    private static final class Served {

        private final AtomicLong lastEventMillis;
        private final Gauge lastEvent;
        private final AtomicLong thresholdSeconds = new AtomicLong();
        private Gauge threshold;

        Served(MeterRegistry registry, String source, long now) {
            this.lastEventMillis = new AtomicLong(now);
            this.lastEvent = Gauge.builder(MetricNames.LAST_EVENT, lastEventMillis, millis -> millis.get() / 1000.0)
                    .tags(MetricNames.TAG_SOURCE, source).strongReference(true).register(registry);
        }

        void eventAt(long millis) {
            lastEventMillis.accumulateAndGet(millis, Math::max);
        }

        void threshold(MeterRegistry registry, String source, Duration silentAfter) {
            if (silentAfter == null) {
                if (threshold != null) {
                    registry.remove(threshold);
                    threshold = null;
                }
                return;
            }
            thresholdSeconds.set(silentAfter.toSeconds());
            if (threshold == null) {
                threshold = Gauge.builder(MetricNames.SILENT_AFTER, thresholdSeconds, AtomicLong::doubleValue)
                        .tags(MetricNames.TAG_SOURCE, source).strongReference(true).register(registry);
            }
        }

        void remove(MeterRegistry registry, String source) {
            registry.remove(lastEvent);
            threshold(registry, source, null);
        }
    }
}
