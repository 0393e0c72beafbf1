package io.kubezen.watcher.bench.reliability;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polling for a condition in a running system, with a deadline and a message naming what did not happen. */
final class Waits {

    private static final long POLL_MILLIS = 20;

    private Waits() {
    }

    /** Reads {@code value} until it satisfies {@code done} and returns that reading. */
    static <T> T until(Callable<T> value, Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T current = value.call();
            if (done.test(current)) {
                return current;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("condition not reached within " + timeout + "; last value " + current);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
