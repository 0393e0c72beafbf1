package io.kubezen.watcher.controller.logs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The bound on open log streams, shared by every logs source of the leader: a container over it waits, counted
 * in {@code zen.watcher.logs.streams.waiting}, and its lines wait in its log until a stream frees up. Waiting
 * never drops a line; the stream then starts where the last one stopped.
 */
public final class StreamSlots {

    private static final Duration RECHECK = Duration.ofMillis(200);

    private final Semaphore slots;

    public StreamSlots(int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("max streams must be at least 1, was " + maxStreams);
        }
        this.slots = new Semaphore(maxStreams, true);
    }

    /**
     * Takes a slot, waiting while none is free until {@code stopped} says to give up.
     *
     * @return false when stopped before a slot was free
     */
    public boolean acquire(SourceMeters meters, BooleanSupplier stopped) throws InterruptedException {
        if (slots.tryAcquire()) {
            return true;
        }
        meters.waitingForStream(true);
        try {
            while (!stopped.getAsBoolean()) {
                if (slots.tryAcquire(RECHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } finally {
            meters.waitingForStream(false);
        }
    }

    public void release() {
        slots.release();
    }
}
