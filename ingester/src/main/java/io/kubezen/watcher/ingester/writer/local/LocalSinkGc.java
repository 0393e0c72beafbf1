package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.metrics.GcMeters;
import io.kubezen.watcher.model.TtlPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GC of the local sink, what the controller's GC is in a cluster: deletes the Observations past their TTL when the
 * sink opens, then every interval, on a thread of its own, and counts them in the same metrics. A failed run is
 * logged and tried again at the next interval.
 */
public final class LocalSinkGc implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSinkGc.class);

    private final JsonLinesObservationSink sink;
    private final TtlPolicy ttl;
    private final Duration interval;
    private final Clock clock;
    private final Counter deleted;
    private final Counter completed;
    private final Counter failed;
    private final Timer duration;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread gc = new Thread(runnable, "local-sink-gc");
        gc.setDaemon(true);
        return gc;
    });

    public LocalSinkGc(JsonLinesObservationSink sink, TtlPolicy ttl, Duration interval, Clock clock,
                       MeterRegistry registry) {
        this.sink = sink;
        this.ttl = ttl;
        this.interval = interval;
        this.clock = clock;
        this.deleted = GcMeters.deleted(registry, GcMeters.TTL);
        this.completed = GcMeters.runs(registry, GcMeters.COMPLETED);
        this.failed = GcMeters.runs(registry, GcMeters.FAILED);
        this.duration = GcMeters.duration(registry);
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::collect, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run; what the scheduled ones do. */
    void collect() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        try {
            int count = sink.deleteExpired(ttl, now);
            deleted.increment(count);
            completed.increment();
            LOG.info("GC deleted {} expired Observations from the local sink", count);
        } catch (IOException | RuntimeException e) {
            failed.increment();
            LOG.warn("GC of the local sink failed; it runs again in {}: {}", interval, e.toString());
        } finally {
            duration.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Lets a run in progress finish rather than interrupting it: an interrupt during one of the sink's own channel
     * calls would close that channel under the writer.
     */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
