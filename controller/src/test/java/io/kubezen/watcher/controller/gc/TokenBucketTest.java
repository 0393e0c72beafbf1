package io.kubezen.watcher.controller.gc;

import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final TokenBucket bucket = new TokenBucket(10, 3, clock);

    @Test
    void aBurstPassesAtOnceThenCallsAreSpacedByTheRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve()).as("call %d of the burst", i).isZero();
        }

        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.reserve()).as("queued behind the previous one").isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void tokensComeBackWithTimeUpToTheBurst() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve();
        }

        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isPositive();

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve()).isZero();
        }
        assertThat(bucket.reserve()).isPositive();
    }

    @Test
    void rateAndBurstMustBePositive() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
