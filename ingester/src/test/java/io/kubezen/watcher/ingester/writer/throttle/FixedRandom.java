package io.kubezen.watcher.ingester.writer.throttle;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same fraction, so jittered waits are exact in tests. */
final class FixedRandom implements RandomGenerator {

    private final double fraction;

    private FixedRandom(double fraction) {
        this.fraction = fraction;
    }

    static FixedRandom of(double fraction) {
        return new FixedRandom(fraction);
    }

    @Override
    public double nextDouble() {
        return fraction;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble is drawn");
    }
}
