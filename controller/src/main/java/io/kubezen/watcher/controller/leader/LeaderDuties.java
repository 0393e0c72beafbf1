package io.kubezen.watcher.controller.leader;

import io.kubezen.watcher.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every {@link LeaderDuty} on a thread of its own for each leadership term: started on
 * {@link LeadershipAcquired}, interrupted on {@link LeadershipLost}, which returns only once they all stopped
 * (or {@code stopTimeout} passed, which is logged as an error because the next leader may then overlap).
 * Also the source of the leader gauge, the transitions counter and the leader's readiness.
 */
public final class LeaderDuties implements LeadershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderDuties.class);

    private final List<LeaderDuty> duties;
    private final LeadershipListener after;
    private final Duration stopTimeout;
    private final Counter acquisitions;
    private final Counter losses;
    private final Object lock = new Object();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile LeadershipTerm term;
    private Map<LeaderDuty, Thread> running = Map.of();

    /**
     * @param after       told after the duties started and after they stopped, for example to publish the events
     * @param stopTimeout how long {@link #lost} waits for the duties; the election's step-down margin
     */
    public LeaderDuties(List<LeaderDuty> duties, LeadershipListener after, Duration stopTimeout,
                        MeterRegistry registry) {
        this.duties = List.copyOf(duties);
        this.after = after;
        this.stopTimeout = stopTimeout;
        Gauge.builder(MetricNames.LEADER, this, leader -> leader.isLeading() ? 1 : 0)
                .description("1 while this process is the leader, else 0")
                .register(registry);
        this.acquisitions = transitions(registry, "acquired");
        this.losses = transitions(registry, "lost");
    }

    @Override
    public void acquired(LeadershipAcquired event) {
        synchronized (lock) {
            LeadershipTerm started = new LeadershipTerm(event);
            Map<LeaderDuty, Thread> threads = new LinkedHashMap<>();
            failed.clear();
            for (LeaderDuty duty : duties) {
                Thread thread = new Thread(() -> lead(duty, started), "leader-" + duty.name());
                thread.setDaemon(true);
                threads.put(duty, thread);
            }
            term = started;
            running = threads;
            threads.values().forEach(Thread::start);
            acquisitions.increment();
        }
        LOG.info("Leading as {}: started duties {}", event.identity(), duties.stream().map(LeaderDuty::name).toList());
        after.acquired(event);
    }

    @Override
    public void lost(LeadershipLost event) {
        synchronized (lock) {
            LeadershipTerm ending = term;
            if (ending == null) {
                return;
            }
            ending.end();
            running.values().forEach(Thread::interrupt);
            List<String> stuck = awaitStopped(running);
            term = null;
            running = Map.of();
            losses.increment();
            if (!stuck.isEmpty()) {
                LOG.error("Duties {} did not stop within {} of losing leadership and may overlap the next leader",
                        stuck, stopTimeout);
            }
        }
        LOG.info("No longer leading as {}", event.identity());
        after.lost(event);
    }

    public boolean isLeading() {
        return term != null;
    }

    /** The duties that are not ready while leading (none while standing by): the readiness probe's answer. */
    public List<String> notReady() {
        if (!isLeading()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (LeaderDuty duty : duties) {
            if (failed.contains(duty.name()) || !duty.ready()) {
                names.add(duty.name());
            }
        }
        return names;
    }

    private void lead(LeaderDuty duty, LeadershipTerm current) {
        try {
            duty.lead(current);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (current.isActive()) {
                failed.add(duty.name());
                LOG.error("Leader duty {} failed and stays stopped until the next term", duty.name(), e);
            }
        }
    }

    private List<String> awaitStopped(Map<LeaderDuty, Thread> threads) {
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        List<String> stuck = new ArrayList<>();
        for (Map.Entry<LeaderDuty, Thread> entry : threads.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                entry.getValue().join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (entry.getValue().isAlive()) {
                stuck.add(entry.getKey().name());
            }
        }
        return stuck;
    }

    private static Counter transitions(MeterRegistry registry, String transition) {
        return Counter.builder(MetricNames.LEADER_TRANSITIONS)
                .description("Times this process started or stopped leading")
                .tag(MetricNames.TAG_TRANSITION, transition)
                .register(registry);
    }
}
