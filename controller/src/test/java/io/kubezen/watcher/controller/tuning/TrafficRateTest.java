package io.kubezen.watcher.controller.tuning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficRateTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void onABucketBoundaryTheSpanIsThePeriod() {
        Instant now = Instant.parse("2025-01-01T00:01:00Z");

        assertThat(TrafficRate.perSecond(600, now, MINUTE)).isEqualTo(10.0);
    }

    @Test
    void betweenBoundariesTheSumAlsoHoldsTheOldestWholeBucket() {
        Instant now = Instant.parse("2025-01-01T00:01:05Z");

        // Buckets 00:00:00 to 00:01:00 are summed: 65 seconds of traffic.
        assertThat(TrafficRate.perSecond(650, now, MINUTE)).isEqualTo(10.0);
    }
}
