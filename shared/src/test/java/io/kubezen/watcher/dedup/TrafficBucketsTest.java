package io.kubezen.watcher.dedup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficBucketsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final long S0 = T0.getEpochSecond();

    @Test
    void instantsFallInTheTenSecondBucketThatContainsThem() {
        assertThat(TrafficBuckets.bucketOf(T0)).isEqualTo(S0);
        assertThat(TrafficBuckets.bucketOf(T0.plusMillis(9_999))).isEqualTo(S0);
        assertThat(TrafficBuckets.bucketOf(T0.plusSeconds(10))).isEqualTo(S0 + 10);
    }

    @Test
    void aPeriodCoversEveryBucketItOverlaps() {
        long[] covered = TrafficBuckets.covering(T0.plusSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(covered).containsExactly(S0 - 20, S0 - 10, S0, S0 + 10);
    }
}
