package io.kubezen.watcher.bench.load;

import java.util.random.RandomGenerator;

/**
 * Ids of a stream of events of which every second one is new and every other one repeats one of the last
 * {@code workingSet} new ones. The duplicate share therefore stays at one half however long the run, where
 * drawing from a fixed pool would turn every event into a duplicate once the pool had been seen.
 * {@code bench/wrk/events.lua} follows the same rule for wrk.
 */
public final class EventIds {

    private final String prefix;
    private final int workingSet;
    private final RandomGenerator random;
    private long built;
    private long fresh;

    /** @param prefix tells this stream's ids from every other stream's (another connection, another run) */
    public EventIds(String prefix, int workingSet, RandomGenerator random) {
        if (workingSet < 1) {
            throw new IllegalArgumentException("workingSet must be at least 1, was " + workingSet);
        }
        this.prefix = prefix;
        this.workingSet = workingSet;
        this.random = random;
    }

    public String next() {
        built++;
        long n;
        if (built % 2 == 1) {
            n = ++fresh;
        } else {
            n = fresh - random.nextLong(Math.min(fresh, workingSet));
        }
        return prefix + n;
    }
}
