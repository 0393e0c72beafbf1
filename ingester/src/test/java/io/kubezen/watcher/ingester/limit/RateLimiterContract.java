package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.testing.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link RateLimiter} does, whatever keeps its buckets. */
public abstract class RateLimiterContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private RateLimiter limiter;

    /** A limiter reading time from {@code clock}, with no buckets yet. */
    protected abstract RateLimiter newLimiter(Clock clock);

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter(clock);
    }

    @Test
    void aFullBucketAllowsTheBurstThenRefuses() {
        RateLimitSettings settings = new RateLimitSettings(10, 5);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("falco", settings).allowed()).as("request %d", i).isTrue();
        }
        RateLimitDecision refused = limiter.tryAcquire("falco", settings);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void tokensComeBackAtTheRate() {
        RateLimitSettings settings = new RateLimitSettings(10, 2);
        drain("falco", settings);

        clock.advance(Duration.ofMillis(99));
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isTrue();
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isFalse();
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        RateLimitSettings settings = new RateLimitSettings(100, 3);
        drain("falco", settings);

        clock.advance(Duration.ofHours(1));

        assertThat(drain("falco", settings)).isEqualTo(3);
    }

    @Test
    void retryAfterShrinksAsTimePasses() {
        RateLimitSettings settings = new RateLimitSettings(2, 1);
        drain("falco", settings);

        assertThat(limiter.tryAcquire("falco", settings).retryAfter()).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(200));
        assertThat(limiter.tryAcquire("falco", settings).retryAfter()).isEqualTo(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "{0}/s: wait {1} ms, Retry-After {2}")
    @CsvSource({"2, 500, 1", "1, 1000, 1", "0.5, 2000, 2", "0.4, 2500, 3", "1000, 1, 1"})
    void refusalSaysWhenToRetryInWholeSecondsRoundedUp(double rate, long waitMillis, String retryAfter) {
        RateLimitSettings settings = new RateLimitSettings(rate, 1);
        drain("falco", settings);

        assertThat(limiter.tryAcquire("falco", settings).retryAfter()).isEqualTo(Duration.ofMillis(waitMillis));
        assertThatThrownBy(() -> limiter.acquire("falco", settings))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", retryAfter);
                    assertThat(e.source()).contains("falco");
                    assertThat(e.getMessage()).contains("webhook.limits.ratePerSecond");
                });
    }

    @Test
    void sourcesHaveTheirOwnBuckets() {
        RateLimitSettings settings = new RateLimitSettings(1, 1);
        drain("falco", settings);

        assertThat(limiter.tryAcquire("alertmanager", settings).allowed()).isTrue();
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isFalse();
    }

    @Test
    void aSmallerBurstTakesEffectAtOnce() {
        limiter.tryAcquire("falco", new RateLimitSettings(1, 100));

        assertThat(drain("falco", new RateLimitSettings(1, 2))).isEqualTo(2);
    }

    @Test
    void aClockThatStepsBackGrantsNothingExtra() {
        RateLimitSettings settings = new RateLimitSettings(10, 1);
        drain("falco", settings);

        clock.advance(Duration.ofSeconds(-30));
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(30).plusMillis(100));
        assertThat(limiter.tryAcquire("falco", settings).allowed()).isTrue();
    }

    /** Takes tokens until refused; returns how many were granted. */
    protected int drain(String source, RateLimitSettings settings) {
        int granted = 0;
        while (limiter.tryAcquire(source, settings).allowed()) {
            granted++;
        }
        return granted;
    }
}
