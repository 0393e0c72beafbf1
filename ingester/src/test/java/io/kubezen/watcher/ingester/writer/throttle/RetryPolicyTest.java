package io.kubezen.watcher.ingester.writer.throttle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @ParameterizedTest(name = "attempt {0}: ceiling {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "40, 1000", "2147483647, 1000"})
    void ceilingDoublesPerAttemptUpToTheMaximum(int attempt, long ceilingMillis) {
        assertThat(policy.backoff(attempt, FixedRandom.of(1.0 - 1e-12)))
                .isLessThan(Duration.ofMillis(ceilingMillis))
                .isGreaterThan(Duration.ofMillis(ceilingMillis).multipliedBy(99).dividedBy(100));
    }

    @Test
    void fullJitterSpreadsFromZeroToTheCeiling() {
        assertThat(policy.backoff(3, FixedRandom.of(0.0))).isZero();
        assertThat(policy.backoff(3, FixedRandom.of(0.25))).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, FixedRandom.of(0.5))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
