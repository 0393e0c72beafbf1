package io.kubezen.watcher.controller.tuning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierPolicyTest {

    private final TierPolicy policy = TierPolicy.defaults();

    @ParameterizedTest(name = "{0} events/s → {1}s")
    @CsvSource({
        "0, 300", "49.99, 300",
        "50, 120", "499.99, 120",
        "500, 60", "100000, 60"})
    void defaultTiersAreThoseOfTheOriginalDesign(double eventsPerSecond, long windowSeconds) {
        assertThat(policy.window(policy.tierOf(eventsPerSecond))).hasSeconds(windowSeconds);
    }

    @ParameterizedTest(name = "from tier {0} at {1} events/s → tier {2}")
    @CsvSource({
        "0, 54.9, 0", "0, 55.1, 1", "0, 600, 2",
        "1, 45.1, 1", "1, 44.9, 0", "1, 549.9, 1", "1, 550.1, 2",
        "2, 450.1, 2", "2, 449.9, 1", "2, 0, 0"})
    void aRateMustPassAThresholdByTheHysteresisMarginToChangeTier(int current, double eventsPerSecond, int next) {
        assertThat(policy.next(current, eventsPerSecond)).isEqualTo(next);
    }

    @Test
    void windowsAreClampedToTheBounds() {
        TierPolicy bounded = new TierPolicy(List.of(10.0), List.of(Duration.ofHours(2), Duration.ofSeconds(5)), 0.1,
                Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertThat(bounded.window(0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(bounded.window(1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidPoliciesNameTheKeyToFix() {
        List<Duration> three = TierPolicy.DEFAULT_WINDOWS;
        Duration min = TierPolicy.DEFAULT_MIN_WINDOW;
        Duration max = TierPolicy.DEFAULT_MAX_WINDOW;
        assertThatThrownBy(() -> new TierPolicy(List.of(500.0, 50.0), three, 0.1, min, max))
                .hasMessageContaining("thresholds");
        assertThatThrownBy(() -> new TierPolicy(List.of(0.0, 50.0), three, 0.1, min, max))
                .hasMessageContaining("thresholds");
        assertThatThrownBy(() -> new TierPolicy(List.of(50.0), three, 0.1, min, max))
                .hasMessageContaining("windows");
        assertThatThrownBy(() -> new TierPolicy(List.of(50.0, 500.0),
                List.of(Duration.ofSeconds(300), Duration.ofMillis(1500), Duration.ofSeconds(60)), 0.1, min, max))
                .hasMessageContaining("windows");
        assertThatThrownBy(() -> new TierPolicy(List.of(50.0, 500.0), three, 1.0, min, max))
                .hasMessageContaining("hysteresis");
        assertThatThrownBy(() -> new TierPolicy(List.of(50.0, 500.0), three, 0.1, max, min))
                .hasMessageContaining("min-window");
    }
}
