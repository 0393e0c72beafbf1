package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.Admitted;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.informer.InformerAdapter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one idempotent step a worker runs for a key of an informer source: read the object from the cache, map it
 * to findings through the source's pipeline, and hand over only the findings that are new since the last sync
 * (kept in the {@link FindingStore}), through dedup to the queue. Running it again for an unchanged object does
 * nothing, which is what makes resyncs, restarts and leader takeovers harmless. A gone object's record is
 * forgotten. The record is written only after the queue took the new findings, so a failure in between hands them
 * over again on the retry, where dedup catches what did reach the queue.
 */
public final class ObjectSync {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectSync.class);

    private final InformerSource source;
    private final ObjectCache cache;
    private final FindingStore findings;
    private final Admission admission;
    private final MeterRegistry registry;
    private final ObservedEvents observed;
    private final Counter invalidObjects;

    public ObjectSync(InformerSource source, ObjectCache cache, FindingStore findings, Admission admission,
                      MeterRegistry registry, ObservedEvents observed) {
        this.source = source;
        this.cache = cache;
        this.findings = findings;
        this.admission = admission;
        this.registry = registry;
        this.observed = observed;
        // Registered at zero now, so that an alert on its increase sees the first invalid object.
        this.invalidObjects = registry.counter(MetricNames.ERRORS, MetricNames.TAG_STAGE, "informer",
                MetricNames.TAG_ERROR_TYPE, "invalid_object");
    }

    /**
     * @throws io.kubezen.watcher.store.StoreUnavailableException when Redis cannot be reached; the worker retries
     *                                                            the key with backoff
     */
    public SyncResult sync(ObjectKey key) {
        Optional<byte[]> object = cache.get(key);
        if (object.isEmpty()) {
            findings.forget(source.name(), key);
            return SyncResult.NOTHING;
        }
        PipelineResult result;
        try {
            result = source.pipeline().process(InformerAdapter.payload(object.get()));
        } catch (PayloadException e) {
            // Retrying cannot help: the object stays as it is until it changes, and then it is synced again.
            LOG.warn("Object {} of informer source {} cannot be mapped: {}", key, source.name(), e.getMessage());
            invalidObjects.increment();
            return SyncResult.NOTHING;
        }
        Map<String, IngestedEvent> current = new LinkedHashMap<>();
        result.accepted().forEach(event -> current.putIfAbsent(event.fingerprint(), event));
        ObjectFindings now = ObjectFindings.of(current.keySet());
        Optional<ObjectFindings> before = findings.get(source.name(), key);
        if (before.isPresent() && before.get().digest().equals(now.digest())) {
            return new SyncResult(current.size(), 0, 0);
        }
        Set<String> added = now.newSince(before.orElse(null));
        List<IngestedEvent> handedOver = current.values().stream().filter(e -> added.contains(e.fingerprint())).toList();
        Admitted admitted = handedOver.isEmpty() ? new Admitted(List.of(), 0) : admission.admit(source.name(), handedOver);
        if (now.fingerprints().isEmpty()) {
            findings.forget(source.name(), key);
        } else {
            findings.put(source.name(), key, now);
        }
        count(handedOver.size(), admitted);
        observed.record(source.name(), handedOver.size(), handedOver, admitted);
        return new SyncResult(current.size(), handedOver.size(), admitted.queued().size());
    }

    private void count(int handedOver, Admitted admitted) {
        if (handedOver == 0) {
            return;
        }
        registry.counter(MetricNames.EVENTS_RECEIVED, MetricNames.TAG_SOURCE, source.name()).increment(handedOver);
        registry.counter(MetricNames.EVENTS_QUEUED, MetricNames.TAG_SOURCE, source.name())
                .increment(admitted.queued().size());
        if (admitted.duplicates() > 0) {
            registry.counter(MetricNames.EVENTS_DISCARDED, MetricNames.TAG_SOURCE, source.name(),
                    MetricNames.TAG_REASON, "duplicate").increment(admitted.duplicates());
        }
    }
}
