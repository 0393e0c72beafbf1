package io.kubezen.watcher.testing.generators;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts what became of a property's samples, so the test can insist that enough of them reached the check: a
 * property over payloads a source refuses would otherwise pass without checking anything. Count only in the check
 * itself and assert after the run, which QuickTheories ends by throwing if any sample falsified the property.
 */
public final class Outcomes {

    private final Map<String, Integer> counts = new TreeMap<>();

    public void count(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public void assertShareAtLeast(String outcome, int percent) {
        int samples = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(samples).as("samples checked").isPositive();
        assertThat(counts.getOrDefault(outcome, 0) * 100.0 / samples)
                .as("percentage of samples %s, of %s", outcome, counts).isGreaterThanOrEqualTo(percent);
    }
}
