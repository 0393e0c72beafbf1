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

    /**
     * Without a configured bound, the budget is this fraction of the maximum heap (1/HEAP_SHARE). Bodies in flight
     * keep about ten times their size alive until Redis answers, and every young collection copies that set again;
     * see {@link #defaultMaxBytes}.
     */
    public static final int HEAP_SHARE = 768;
    /** The smallest derived bound: one Kubernetes audit batch of the default 100 events (about 70 KB) still fits. */
    public static final long MIN_DEFAULT_BYTES = 128 * 1024;
    /** The largest derived bound, for very large heaps (and a JVM that reports no heap limit). */
    public static final long MAX_DEFAULT_BYTES = 16 * 1024 * 1024;

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
     * The bound for a JVM whose heap may grow to {@code maxHeapBytes} ({@link Runtime#maxMemory()}): a
     * {@value #HEAP_SHARE}th of it, between {@value #MIN_DEFAULT_BYTES} and {@value #MAX_DEFAULT_BYTES} bytes.
     * Measured with the benchmark's audit batches of 100 events (about 70 KB each): at {@code -Xmx192m} this gives
     * about 250 KB, three batches, where the young collections copied about a third less per event than at 1 MiB
     * and spent about half the CPU time; one batch at a time (128 KiB) leaves the CPU idle while Redis answers.
     * The chart's receiver (512Mi limit, 75 % of it heap) gets about 500 KB, room for a production audit batch of
     * 400 events (about 300 KB) beside smaller ones.
     */
    public static long defaultMaxBytes(long maxHeapBytes) {
        return Math.max(MIN_DEFAULT_BYTES, Math.min(MAX_DEFAULT_BYTES, maxHeapBytes / HEAP_SHARE));
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
