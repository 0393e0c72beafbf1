package io.kubezen.watcher.testing.generators;

import org.quicktheories.QuickTheory;

/**
 * Starts the QuickTheories runs of the property tests. The seed is fixed, so every build checks the same samples
 * and a failure shows up again on the next run; {@code -Dzen-watcher.test.seed=<n>} picks another seed, such as
 * the one a failure printed ("Seed was n"), or a new one to look further.
 * <p>
 * Generators here build what they need instead of filtering, and properties pass over the samples they cannot
 * judge instead of assuming them away: QuickTheories starts each run with samples made of the smallest and the
 * largest draws and shrinks by replaying draws, and a filter that keeps meeting the same rejected value there
 * gives up on the whole property after ten tries.
 */
public final class Theories {

    public static final String SEED_PROPERTY = "zen-watcher.test.seed";
    private static final long DEFAULT_SEED = 20_250_917L;
    /**
     * QuickTheories would otherwise try a hundred thousand shrinks; a few thousand already cut a payload down to the
     * part that matters, and a failing property with a full pipeline per try still reports within a minute.
     */
    private static final int SHRINK_CYCLES = 3_000;

    private Theories() {
    }

    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(seed()).withExamples(examples).withShrinkCycles(SHRINK_CYCLES);
    }

    private static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        return configured == null ? DEFAULT_SEED : Long.parseLong(configured.trim());
    }
}
