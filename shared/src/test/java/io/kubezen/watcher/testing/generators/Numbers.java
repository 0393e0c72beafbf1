package io.kubezen.watcher.testing.generators;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Numbers of every magnitude, small ones as often as huge ones. QuickTheories draws a long or double uniformly from
 * its whole range, which would almost never give the small counts, codes and epoch times payloads carry.
 */
public final class Numbers {

    private Numbers() {
    }

    /** A long of either sign up to 63 bits long; includes both extremes. */
    public static Gen<Long> longs() {
        return nonNegativeLongs().zip(SourceDSL.booleans().all(), (n, negative) -> negative ? -n - 1 : n);
    }

    /** A long from 0 to {@link Long#MAX_VALUE}, its bit length drawn first. */
    public static Gen<Long> nonNegativeLongs() {
        return SourceDSL.integers().between(0, 63)
                .flatMap(bits -> SourceDSL.longs().between(0, bits == 63 ? Long.MAX_VALUE : (1L << bits) - 1));
    }

    /** A finite double of either sign and any magnitude from 1e-308 to 1e308. */
    public static Gen<Double> doubles() {
        return SourceDSL.doubles().between(-1, 1).zip(SourceDSL.integers().between(-308, 308),
                (mantissa, exponent) -> mantissa * Math.pow(10, exponent));
    }
}
