package io.kubezen.watcher.dedup;

import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link TrafficCounter} promises; subclassed once per implementation. */
public abstract class TrafficCounterContract {

    /** On a bucket boundary, so the expected bucket of each count is obvious. */
    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    protected static final Duration RETENTION = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock(T0);
    protected TrafficCounter counter;

    protected abstract TrafficCounter createCounter(Clock clock, Duration retention);

    @BeforeEach
    void createCounter() {
        counter = createCounter(clock, RETENTION);
    }

    @Test
    void sumAddsTheBucketsOfThePeriodPerSource() {
        counter.add("falco", 5);
        clock.advance(Duration.ofSeconds(15));
        counter.add("falco", 7);
        counter.add("kube-audit", 100);

        assertThat(counter.sum("falco", Duration.ofSeconds(60))).isEqualTo(12);
        assertThat(counter.sum("kube-audit", Duration.ofSeconds(60))).isEqualTo(100);
        assertThat(counter.sum("trivy", Duration.ofSeconds(60))).isZero();
    }

    @Test
    void bucketsBeforeThePeriodDoNotCount() {
        counter.add("falco", 5);
        clock.advance(Duration.ofSeconds(90));
        counter.add("falco", 7);

        assertThat(counter.sum("falco", Duration.ofSeconds(30))).isEqualTo(7);
        assertThat(counter.sum("falco", Duration.ofSeconds(120))).isEqualTo(12);
    }

    @Test
    void concurrentAddsAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        counter.add("falco", 2);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counter.sum("falco", Duration.ofSeconds(10))).isEqualTo(400);
    }

    @Test
    void sourcesAreThoseWithCountedEvents() {
        assertThat(counter.sources()).isEmpty();

        counter.add("falco", 1);
        clock.advance(Duration.ofMinutes(2));
        counter.add("kube-audit", 3);

        assertThat(counter.sources()).containsExactlyInAnyOrder("falco", "kube-audit");
    }

    @Test
    void lastCountedIsTheStartOfTheNewestBucketWithEventsInThePeriod() {
        assertThat(counter.lastCounted("falco", RETENTION)).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        counter.add("falco", 2);
        clock.advance(Duration.ofSeconds(20));
        counter.add("falco", 1);
        counter.add("kube-audit", 4);
        clock.advance(Duration.ofSeconds(40));

        assertThat(counter.lastCounted("falco", RETENTION)).contains(T0.plusSeconds(20));
        assertThat(counter.lastCounted("falco", Duration.ofSeconds(30))).as("the newest count is older").isEmpty();
        assertThat(counter.lastCounted("trivy", RETENTION)).isEmpty();
    }

    @Test
    void periodsBeyondTheRetentionAreRefused() {
        assertThatThrownBy(() -> counter.sum("falco", RETENTION.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter.sum("falco", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter.lastCounted("falco", RETENTION.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
