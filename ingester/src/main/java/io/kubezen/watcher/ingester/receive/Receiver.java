package io.kubezen.watcher.ingester.receive;

import io.micronaut.context.annotation.Requires;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.pipeline.DedupPolicy;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.store.StoreUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The receive path after the HTTP checks: pipeline, dedup, queue. An event is acknowledged only once it is
 * durably queued, or decided a duplicate or filtered out; when a store fails, the whole request is refused
 * with 503 and the dedup records this request created are forgotten, so the sender's retry is not mistaken
 * for a duplicate of events that never reached the queue.
 */
@Requires(condition = ReceiverRole.class)
@Singleton
class Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);

    private final DedupStore dedupStore;
    private final DedupWindows windows;
    private final EventQueue queue;
    private final TrafficCounter traffic;
    private final RateLimiter rateLimiter;
    private final ReceiveMetrics metrics;
    private final Clock clock;

    Receiver(DedupStore dedupStore, DedupWindows windows, EventQueue queue, TrafficCounter traffic,
             RateLimiter rateLimiter, ReceiveMetrics metrics, Clock clock) {
        this.dedupStore = dedupStore;
        this.windows = windows;
        this.queue = queue;
        this.traffic = traffic;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.clock = clock;
    }

    void checkRateLimit(ReceiverSource source) {
        source.limits().rateLimit().ifPresent(settings -> rateLimiter.acquire(source.name(), settings));
    }

    IngestSummary receive(ReceiverSource source, Payload payload) {
        PipelineResult result;
        try {
            result = source.pipeline().process(payload);
        } catch (PayloadException e) {
            throw PayloadRejectedException.of(source.name(), e);
        }
        List<IngestedEvent> accepted = result.accepted();
        List<QueuedObservation> firsts = new ArrayList<>(accepted.size());
        List<String> created = new ArrayList<>();
        try {
            List<DedupResult> outcomes = dedup(source.name(), accepted);
            for (int i = 0; i < accepted.size(); i++) {
                DedupResult outcome = outcomes.get(i);
                if (outcome == null || outcome.firstOccurrence()) {
                    IngestedEvent event = accepted.get(i);
                    firsts.add(new QueuedObservation(event.observation(), event.fingerprint(),
                            outcome == null ? clock.instant() : outcome.record().firstSeen()));
                    if (outcome != null) {
                        created.add(event.fingerprint());
                    }
                }
            }
            if (!firsts.isEmpty()) {
                queue.append(firsts);
            }
        } catch (StoreUnavailableException e) {
            forget(source.name(), created);
            metrics.storeFailure();
            throw new UnavailableException(source.name(), "the dedup store or queue", e);
        }
        countTraffic(source.name(), result.received());
        int duplicates = accepted.size() - firsts.size();
        metrics.received(source.name(), result, firsts.size(), duplicates);
        return new IngestSummary(source.name(), result.received(), firsts.size(), duplicates, result.filteredTotal());
    }

    /** One result per event, null where the source does not deduplicate. */
    private List<DedupResult> dedup(String source, List<IngestedEvent> events) {
        List<DedupRequest> requests = new ArrayList<>(events.size());
        List<Integer> positions = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            IngestedEvent event = events.get(i);
            DedupPolicy policy = event.dedup();
            if (policy.enabled()) {
                Duration window = policy.pinned() ? policy.window() : windows.windowFor(source, policy.window());
                requests.add(new DedupRequest(source, event.fingerprint(), window));
                positions.add(i);
            }
        }
        List<DedupResult> results = new ArrayList<>(Collections.nCopies(events.size(), (DedupResult) null));
        if (!requests.isEmpty()) {
            List<DedupResult> recorded = dedupStore.record(requests);
            for (int i = 0; i < recorded.size(); i++) {
                results.set(positions.get(i), recorded.get(i));
            }
        }
        return results;
    }

    private void forget(String source, List<String> fingerprints) {
        for (String fingerprint : fingerprints) {
            try {
                dedupStore.forget(source, fingerprint);
            } catch (StoreUnavailableException e) {
                // The record hides the sender's retry until its window ends: the one loss this design allows.
                LOG.error("Could not forget dedup record {} of source {} after a failed queue append; a retry of "
                        + "that event within its window will be discarded as a duplicate.", fingerprint, source);
                metrics.lostDedupRollback(source);
            }
        }
    }

    private void countTraffic(String source, int events) {
        try {
            traffic.add(source, events);
        } catch (StoreUnavailableException e) {
            // The events are queued; only the tuner's view of the rate is short, which it tolerates.
            metrics.storeFailure();
        }
    }
}
