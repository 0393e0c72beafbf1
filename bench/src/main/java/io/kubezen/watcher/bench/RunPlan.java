package io.kubezen.watcher.bench;

import java.time.Duration;

/**
 * How long each load scenario runs: one warm-up whose figures are dropped (the JIT compiles the hot path,
 * pools fill), then {@code runs} measured runs whose median is reported.
 */
public record RunPlan(Duration warmUp, int runs, Duration duration) {

    /** The documented run: long enough for steady state, three runs for a median. */
    public static final RunPlan FULL = new RunPlan(Duration.ofSeconds(15), 3, Duration.ofSeconds(20));
    /** A smoke run of the whole harness in about two minutes; its figures are indicative only. */
    public static final RunPlan QUICK = new RunPlan(Duration.ofSeconds(3), 1, Duration.ofSeconds(5));

    public RunPlan {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
    }

    /** The same number of runs, each lasting {@code factor} times as long: for loops that settle faster than HTTP. */
    public RunPlan scaled(double factor) {
        return new RunPlan(Duration.ofMillis(Math.round(warmUp.toMillis() * factor)), runs,
                Duration.ofMillis(Math.round(duration.toMillis() * factor)));
    }
}
