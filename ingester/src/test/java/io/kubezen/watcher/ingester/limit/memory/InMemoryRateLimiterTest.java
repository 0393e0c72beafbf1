package io.kubezen.watcher.ingester.limit.memory;

import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.RateLimiterContract;

import java.time.Clock;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new InMemoryRateLimiter(clock);
    }
}
