package io.kubezen.watcher.throttle;

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

    @Test
    void tryTakeTakesOnlyATokenThatIsThereAndSaysWhenTheNextIs() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isZero();
        }

        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.tryTake()).as("a refusal takes nothing").isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void aHoldMintsNothingUntilItEndsAndThenResumesAtTheRate() {
        bucket.holdUntil(clock.instant().plusSeconds(2));

        assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.reserve()).isEqualTo(Duration.ofMillis(2100));
        bucket.holdUntil(clock.instant().plusSeconds(1));
        assertThat(bucket.reserve()).as("a shorter hold does not cut the longer one").isEqualTo(Duration.ofMillis(2200));
    }

    @Test
    void aResizedBucketKeepsTheTokensThatFit() {
        bucket.reserve();
        TokenBucket wider = bucket.resized(10, 10);
        TokenBucket narrower = bucket.resized(10, 1);

        assertThat(wider.tryTake()).isZero();
        assertThat(wider.tryTake()).isZero();
        assertThat(wider.tryTake()).isPositive();
        assertThat(narrower.tryTake()).isZero();
        assertThat(narrower.tryTake()).isPositive();
    }
}
