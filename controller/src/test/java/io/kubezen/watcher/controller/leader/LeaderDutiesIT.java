package io.kubezen.watcher.controller.leader;

import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderDutiesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LeadershipAcquired ACQUIRED = new LeadershipAcquired("controller-a", Instant.EPOCH);
    private static final LeadershipLost LOST = new LeadershipLost("controller-a", Instant.EPOCH);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void dutiesRunFromAcquiredUntilLostReturns() {
        LoopingDuty tuning = new LoopingDuty("tuning");
        LoopingDuty gc = new LoopingDuty("gc");
        LeaderDuties duties = new LeaderDuties(List.of(tuning, gc), recordingAfter(), WAIT, registry);

        duties.acquired(ACQUIRED);
        Await.until("both duties run a few rounds", WAIT, () -> tuning.rounds.get() > 2 && gc.rounds.get() > 2);
        duties.lost(LOST);

        assertThat(tuning.running).isFalse();
        assertThat(gc.running).isFalse();
        assertThat(tuning.sawAcquired).isEqualTo(ACQUIRED);
        assertThat(log).containsExactly("acquired", "lost");
    }

    @Test
    void aDutyBlockedInAnInterruptibleCallIsInterrupted() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        LeaderDuty blocking = duty("blocking", term -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        LeaderDuties duties = new LeaderDuties(List.of(blocking), LeadershipListener.NOOP, WAIT, registry);

        duties.acquired(ACQUIRED);
        duties.lost(LOST);

        assertThat(interrupted).isTrue();
    }

    @Test
    void lostGivesUpOnADutyThatWillNotStopAfterTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        LeaderDuty stubborn = duty("stubborn", term -> awaitIgnoringInterrupts(release));
        LeaderDuties duties = new LeaderDuties(List.of(stubborn), LeadershipListener.NOOP, Duration.ofMillis(100),
                registry);

        duties.acquired(ACQUIRED);
        duties.lost(LOST);
        release.countDown();

        assertThat(duties.isLeading()).isFalse();
    }

    @Test
    void theLeaderIsReadyOnceEveryDutyIsAndAStandbyAlwaysIs() {
        AtomicBoolean synced = new AtomicBoolean();
        LeaderDuty informers = new LoopingDuty("informers") {
            @Override
            public boolean ready() {
                return synced.get();
            }
        };
        LeaderDuty crashing = duty("crashing", term -> {
            throw new IllegalStateException("boom");
        });
        LeaderDuties duties = new LeaderDuties(List.of(informers, crashing), LeadershipListener.NOOP, WAIT, registry);
        assertThat(duties.notReady()).as("standby").isEmpty();

        duties.acquired(ACQUIRED);
        Await.until("the crashed duty is reported", WAIT, () -> duties.notReady().contains("crashing"));
        assertThat(duties.notReady()).containsExactly("informers", "crashing");
        synced.set(true);
        assertThat(duties.notReady()).containsExactly("crashing");

        duties.lost(LOST);
        assertThat(duties.notReady()).isEmpty();
    }

    @Test
    void leaderGaugeAndTransitionsAreCounted() {
        LeaderDuties duties = new LeaderDuties(List.of(), LeadershipListener.NOOP, WAIT, registry);
        assertThat(registry.get(MetricNames.LEADER).gauge().value()).isZero();

        duties.acquired(ACQUIRED);
        assertThat(registry.get(MetricNames.LEADER).gauge().value()).isEqualTo(1);
        duties.lost(LOST);
        duties.acquired(ACQUIRED);

        assertThat(registry.get(MetricNames.LEADER_TRANSITIONS).tag(MetricNames.TAG_TRANSITION, "acquired")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(MetricNames.LEADER_TRANSITIONS).tag(MetricNames.TAG_TRANSITION, "lost")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void lostWithoutATermDoesNothing() {
        LeaderDuties duties = new LeaderDuties(List.of(), recordingAfter(), WAIT, registry);

        duties.lost(LOST);

        assertThat(log).isEmpty();
    }

    private LeadershipListener recordingAfter() {
        return new LeadershipListener() {
            @Override
            public void acquired(LeadershipAcquired event) {
                log.add("acquired");
            }

            @Override
            public void lost(LeadershipLost event) {
                log.add("lost");
            }
        };
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean done = false;
        while (!done) {
            try {
                done = latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // This duty does not stop when asked: the case under test.
            }
        }
    }

    private static LeaderDuty duty(String name, Body body) {
        return new LeaderDuty() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void lead(LeadershipTerm term) throws InterruptedException {
                body.run(term);
            }
        };
    }

    private interface Body {
        void run(LeadershipTerm term) throws InterruptedException;
    }

    /** Loops until its term ends, the way periodic duties do. */
    private static class LoopingDuty implements LeaderDuty {
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicInteger rounds = new AtomicInteger();
        private final String name;
        volatile LeadershipAcquired sawAcquired;

        LoopingDuty(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void lead(LeadershipTerm term) throws InterruptedException {
            sawAcquired = term.acquired();
            running.set(true);
            try {
                while (!term.awaitEnd(Duration.ofMillis(50))) {
                    rounds.incrementAndGet();
                }
            } finally {
                running.set(false);
            }
        }
    }
}
