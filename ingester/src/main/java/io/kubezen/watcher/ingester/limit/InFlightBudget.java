package io.kubezen.watcher.ingester.limit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the bytes of request bodies between parsing and their answer. Parsed events and their Observations take
 * about ten times their body's size and live until the store has answered; without a bound, a burst on many
 * connections keeps all of them alive at once, and the garbage collector copies that growing set over and over
 * (measured: over half of the process's time under 64 concurrent audit batches in a 192 MB heap) until the heap
 * is exhausted. With it, further requests wait for a share before their body is parsed; a wait longer than the
 * bound is answered 503 with Retry-After, so the sender retries instead of the pod running out of memory. Waits
 * are first come, first served, so large bodies are not starved by small ones; a body larger than the whole
 * budget waits for all of it and then runs alone.
 */
public final class InFlightBudget {

    private static final int UNIT = 1024;

    private final Semaphore units;
    private final int capacity;
    private final Duration maxWait;

    public InFlightBudget(long maxBytes, Duration maxWait) {
        if (maxBytes < UNIT) {
            throw new IllegalArgumentException("maxBytes must be at least " + UNIT + ", was " + maxBytes);
        }
        this.capacity = (int) Math.min(Integer.MAX_VALUE, maxBytes / UNIT);
        this.units = new Semaphore(capacity, true);
        this.maxWait = maxWait;
    }

    /**
     * Takes the body's share, waiting at most the configured time.
     *
     * @throws BusyException when the share did not come free in time
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Share acquire(String source, long bodyBytes) throws InterruptedException {
        int wanted = units(bodyBytes);
        if (!units.tryAcquire(wanted, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new BusyException(source, maxWait);
        }
        return new Share(wanted);
    }

    /**
     * Takes the body's share only if it is free now and nobody waits before it, for a thread that must not wait.
     * The timed try honours the first come, first served order, which an untimed one would jump.
     */
    public Optional<Share> acquireIfFree(long bodyBytes) {
        int wanted = units(bodyBytes);
        try {
            return units.tryAcquire(wanted, 0, TimeUnit.NANOSECONDS) ? Optional.of(new Share(wanted)) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Bytes now taken by bodies being processed, in whole KiB. */
    public long inFlightBytes() {
        return (long) (capacity - units.availablePermits()) * UNIT;
    }

    private int units(long bodyBytes) {
        return (int) Math.max(1, Math.min(capacity, (bodyBytes + UNIT - 1) / UNIT));
    }

    /** One body's share; {@link #close} returns it, once however often it is called. */
    public final class Share implements AutoCloseable {

        private final int units;
        private final AtomicBoolean returned = new AtomicBoolean();

        private Share(int units) {
            this.units = units;
        }

        @Override
        public void close() {
            if (returned.compareAndSet(false, true)) {
                InFlightBudget.this.units.release(units);
            }
        }
    }
}
