package io.kubezen.watcher.ingester.receive;

import io.micronaut.context.annotation.Requires;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.store.StoreUnavailableException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The receive path after the HTTP checks: pipeline, then {@link Admission} (dedup, queue). An event is
 * acknowledged only once it is durably queued, or decided a duplicate or filtered out; when the store fails, the
 * whole request is refused with 503. Each event was either recorded and queued in one step or not touched, so the
 * sender's retry finds the first ones duplicates and queues the others.
 */
@Requires(condition = ReceiverRole.class)
@Singleton
class Receiver {

    private final Admission admission;
    private final TrafficTally traffic;
    private final RateLimiter rateLimiter;
    private final ReceiveMetrics metrics;
    private final ObservedEvents observed;

    Receiver(AdmissionStore store, DedupWindows windows, TrafficTally traffic, RateLimiter rateLimiter,
             ReceiveMetrics metrics, ObservedEvents observed, Clock clock) {
        this.admission = new Admission(store, windows, clock);
        this.traffic = traffic;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.observed = observed;
    }

    void checkRateLimit(ReceiverSource source) {
        source.limits().rateLimit().ifPresent(settings -> rateLimiter.acquire(source.name(), settings));
    }

    /**
     * Runs the pipeline on the caller's thread, then admits without waiting: the stage completes once the
     * events are durably queued (or discarded), or fails with {@link UnavailableException} when a store fails.
     *
     * @throws PayloadRejectedException when the body is not this source's payload; nothing was admitted
     */
    CompletionStage<IngestSummary> receive(ReceiverSource source, Payload payload) {
        PipelineResult result;
        try {
            result = source.pipeline().process(payload);
        } catch (PayloadException e) {
            throw PayloadRejectedException.of(source.name(), e);
        }
        return admission.admitAsync(source.name(), result.accepted()).handle((admitted, failure) -> {
            if (failure != null) {
                throw refusal(source.name(), failure);
            }
            traffic.add(source.name(), result.received());
            int queued = admitted.queued().size();
            metrics.received(source.name(), result, queued, admitted.duplicates());
            observed.record(source.name(), result.received(), result.accepted(), admitted);
            return new IngestSummary(source.name(), result.received(), queued, admitted.duplicates(),
                    result.filteredTotal());
        });
    }

    private RuntimeException refusal(String source, Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        if (cause instanceof StoreUnavailableException unavailable) {
            metrics.storeFailure();
            return new UnavailableException(source, "the dedup store or queue", unavailable);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
