package io.kubezen.watcher.controller.projection;

import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.controller.workqueue.KeyWorker;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.ConfigProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The leader's Ingester controller: informers feed keys into client-java's rate-limited work queue (a key
 * queued twice is synced once), and one worker runs {@link ProjectionSync#sync} per key. A failed sync, or
 * one waiting for a Secret, is retried with per-key exponential backoff; a key is forgotten only once it
 * settled. A second thread runs {@link LastEvents} every interval. Everything belongs to the term: informers,
 * queue and that thread stop when leadership ends.
 */
public final class ProjectionDuty implements LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionDuty.class);
    private static final Duration WAIT_STEP = Duration.ofMillis(100);
    private static final Duration BEGIN_RETRY = Duration.ofSeconds(5);

    private final Function<Consumer<String>, IngesterWatch> watches;
    private final IngesterProjector projector;
    private final ConfigProjection projection;
    private final StatusWriter statuses;
    private final Clock clock;
    private final InformerIngesters informers;
    private final TrafficCounter traffic;
    private final Duration lastEventInterval;
    private final FailureLog failures = new FailureLog(LOG, "Ingester projection");
    private final FailureLog lastEventFailures = new FailureLog(LOG, "Ingester lastEventAt update");
    private volatile boolean synced;

    /** @param watches opens the term's informers, handing each changed key to the given consumer */
    public ProjectionDuty(ProjectionOptions options, SourceCompiler compiler, SecretReader secrets,
                          ConfigProjection projection, StatusWriter statuses, Clock clock,
                          Function<Consumer<String>, IngesterWatch> watches, InformerIngesters informers,
                          TrafficCounter traffic) {
        this.watches = watches;
        this.informers = informers;
        this.projector = new IngesterProjector(compiler, secrets, new Verifiers(options.bcryptCost()),
                options.hmacSecretsDir());
        this.projection = projection;
        this.statuses = statuses;
        this.clock = clock;
        this.traffic = traffic;
        this.lastEventInterval = options.lastEventInterval();
    }

    @Override
    public String name() {
        return "ingester-projection";
    }

    @Override
    public boolean ready() {
        return synced;
    }

    @Override
    public void lead(LeadershipTerm term) throws InterruptedException {
        ExecutorService delays = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "projection-delays"));
        RateLimitingQueue<String> queue = new DefaultRateLimitingQueue<>(delays);
        Thread stopper = new Thread(() -> stopWhenEnded(term, queue), "projection-stopper");
        Thread lastEvents = null;
        try (IngesterWatch watch = watches.apply(queue::add)) {
            stopper.start();
            watch.start();
            while (!watch.hasSynced()) {
                if (term.awaitEnd(WAIT_STEP)) {
                    return;
                }
            }
            ProjectionSync sync = new ProjectionSync(watch, projector, projection, statuses, clock, informers);
            if (!begin(sync, term)) {
                return;
            }
            synced = true;
            LastEvents stamps = new LastEvents(watch, projection, traffic, statuses, clock);
            lastEvents = new Thread(() -> stampEvery(term, stamps), "projection-last-events");
            lastEvents.start();
            KeyWorker.run(queue, sync::sync, failures);
        } finally {
            synced = false;
            queue.shutDown();
            delays.shutdownNow();
            stopper.interrupt();
            if (lastEvents != null) {
                lastEvents.interrupt();
            }
        }
    }

    private boolean begin(ProjectionSync sync, LeadershipTerm term) throws InterruptedException {
        while (true) {
            try {
                sync.begin();
                return true;
            } catch (RuntimeException e) {
                failures.failed(e);
                if (term.awaitEnd(BEGIN_RETRY)) {
                    return false;
                }
            }
        }
    }

    private void stampEvery(LeadershipTerm term, LastEvents stamps) {
        try {
            do {
                try {
                    stamps.run();
                    lastEventFailures.succeeded();
                } catch (RuntimeException e) {
                    // A call interrupted because the term ended is not a failure.
                    if (term.isActive()) {
                        lastEventFailures.failed(e);
                    }
                }
            } while (!term.awaitEnd(lastEventInterval));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The queue's {@code get} blocks; shutting the queue down is what wakes the worker when the term ends. */
    private static void stopWhenEnded(LeadershipTerm term, RateLimitingQueue<String> queue) {
        try {
            while (!term.awaitEnd(Duration.ofHours(1))) {
                // Still leading.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.shutDown();
    }
}
