package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.TrafficCounterContract;

import java.time.Clock;
import java.time.Duration;

class InMemoryTrafficCounterTest extends TrafficCounterContract {

    @Override
    protected TrafficCounter createCounter(Clock clock, Duration retention) {
        return new InMemoryTrafficCounter(clock, retention);
    }
}
