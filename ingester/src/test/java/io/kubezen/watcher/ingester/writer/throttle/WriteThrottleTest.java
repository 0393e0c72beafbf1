package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final WriteThrottle throttle = new WriteThrottle(50, 100, clock, sleeper);

    @Test
    void burstPassesWithoutWaiting() throws InterruptedException {
        acquire(100);

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void afterTheBurstWritesAreSpacedByOneOverQps() throws InterruptedException {
        acquire(100);

        acquire(1);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(20));

        acquire(49);
        assertThat(sleeper.slept()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void sustainedRateIsQps() throws InterruptedException {
        acquire(100 + 500);

        assertThat(sleeper.slept()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void idleTimeRefillsTheBucketOnlyUpToTheBurst() throws InterruptedException {
        acquire(100);
        clock.advance(Duration.ofMinutes(10));

        acquire(100);
        assertThat(sleeper.sleeps()).isEmpty();

        acquire(1);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void retryAfterPausesEveryWriterAndResumesWithoutBurst() throws InterruptedException {
        throttle.pauseFor(Duration.ofSeconds(2));

        acquire(1);
        assertThat(sleeper.slept()).isEqualTo(Duration.ofSeconds(2));

        acquire(50);
        assertThat(sleeper.slept()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shorterPauseDoesNotCutALongerOne() throws InterruptedException {
        throttle.pauseFor(Duration.ofSeconds(5));
        throttle.pauseFor(Duration.ofSeconds(1));

        acquire(1);

        assertThat(sleeper.slept()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void writerAlreadyWaitingForATokenAlsoWaitsOutAPauseThatStartsMeanwhile() throws InterruptedException {
        acquire(100);
        sleeper.duringNextSleep(() -> throttle.pauseFor(Duration.ofSeconds(3)));

        acquire(1);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(20), Duration.ofSeconds(3));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new WriteThrottle(0, 10, clock, sleeper)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteThrottle(10, 0, clock, sleeper)).isInstanceOf(IllegalArgumentException.class);
    }

    private void acquire(int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            throttle.acquire();
        }
    }
}
