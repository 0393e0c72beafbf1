package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.metrics.GcMeters;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Garbage collection on the leader: a sweep of every Observation past its TTL once the term starts, then every
 * interval. A failed run (API server unavailable, or a {@code continue} token that expired) is retried at the
 * next interval; what it deleted stays deleted.
 */
public final class GcDuty implements LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(GcDuty.class);
    private static final List<String> OUTCOMES = List.of(GcMeters.COMPLETED, GcMeters.STOPPED, GcMeters.FAILED);

    private final Sweeper sweeper;
    private final TtlPolicy ttl;
    private final Duration interval;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Timer duration;
    private final Counter errors;
    private final FailureLog failures = new FailureLog(LOG, "Observation GC");

    public GcDuty(Sweeper sweeper, TtlPolicy ttl, Duration interval, Clock clock, MeterRegistry registry) {
        this.sweeper = sweeper;
        this.ttl = ttl;
        this.interval = interval;
        this.clock = clock;
        this.registry = registry;
        this.duration = GcMeters.duration(registry);
        this.errors = Counter.builder(MetricNames.ERRORS)
                .tag(MetricNames.TAG_STAGE, "gc").tag(MetricNames.TAG_ERROR_TYPE, "store_unavailable")
                .register(registry);
        // Every outcome exists at zero from the start: the alert on increase() of failed runs sees the first one.
        for (String outcome : OUTCOMES) {
            runs(outcome);
        }
    }

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public void lead(LeadershipTerm term) throws InterruptedException {
        do {
            collect(term);
        } while (!term.awaitEnd(interval));
    }

    private void collect(LeadershipTerm term) throws InterruptedException {
        // Fixed for the run: an Observation that expires meanwhile waits for the next one.
        Instant now = clock.instant();
        Sweep expired = new Sweep(ObservationSelector.ALL,
                observation -> ttl.isExpired(observation.createdAt(), observation.ttlSecondsAfterCreation(), now),
                false, Sweep.TTL);
        long started = System.nanoTime();
        try {
            SweepResult result = sweeper.sweep(expired, delay -> !term.awaitEnd(delay));
            runs(result.complete() ? GcMeters.COMPLETED : GcMeters.STOPPED).increment();
            failures.succeeded();
            LOG.info("GC deleted {} expired Observations of {} listed{}", result.deleted(), result.scanned(),
                    result.complete() ? "" : "; stopped early because leadership ended");
        } catch (StoreUnavailableException e) {
            if (term.isActive()) {
                errors.increment();
                runs(GcMeters.FAILED).increment();
                failures.failed(e);
            }
        } finally {
            duration.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Counter runs(String outcome) {
        return GcMeters.runs(registry, outcome);
    }
}
