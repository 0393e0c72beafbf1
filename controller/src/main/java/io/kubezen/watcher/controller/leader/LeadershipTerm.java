package io.kubezen.watcher.controller.leader;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One span of leadership, from {@link LeadershipAcquired} until it is lost or given up: the duties' stop signal. */
public final class LeadershipTerm {

    private final LeadershipAcquired acquired;
    private final CountDownLatch ended = new CountDownLatch(1);

    LeadershipTerm(LeadershipAcquired acquired) {
        this.acquired = acquired;
    }

    public LeadershipAcquired acquired() {
        return acquired;
    }

    public boolean isActive() {
        return ended.getCount() > 0;
    }

    /**
     * Waits until the term ends or {@code timeout} passes, and answers whether it ended. Duties wait here
     * between runs instead of sleeping, so they stop as soon as leadership goes.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void end() {
        ended.countDown();
    }
}
