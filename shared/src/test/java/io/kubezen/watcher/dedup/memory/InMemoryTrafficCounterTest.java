package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.TrafficCounterContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTrafficCounterTest extends TrafficCounterContract {

    @Override
    protected TrafficCounter createCounter(Clock clock, Duration retention) {
        return new InMemoryTrafficCounter(clock, retention);
    }

    @Test
    void aSourceIsForgottenOnceItsBucketsAreOlderThanTheRetention() {
        counter.add("falco", 1);

        clock.advance(RETENTION);
        assertThat(counter.sources()).containsExactly("falco");
        clock.advance(Duration.ofSeconds(10));
        assertThat(counter.sources()).isEmpty();
    }
}
