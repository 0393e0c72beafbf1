package io.kubezen.watcher.ingester.limit.redis;

import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.RateLimiterContract;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRedis
class RedisRateLimiterIT extends RateLimiterContract {

    private static final RateLimitSettings ONE_PER_SECOND_BURST_FOUR = new RateLimitSettings(1, 4);

    private static RedisDeployment redis;
    private static RedisConnector first;
    private static RedisConnector second;

    @BeforeAll
    static void connect(RedisDeployment server) {
        redis = server;
        first = RedisConnector.create(server.options());
        second = RedisConnector.create(server.options());
    }

    @AfterAll
    static void disconnect() {
        first.close();
        second.close();
    }

    @BeforeEach
    void coldScriptCache() {
        // Each test starts with an empty script cache, so the EVALSHA-miss path runs too.
        redis.sync().scriptFlush();
    }

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new RedisRateLimiter(first, clock);
    }

    @Test
    void twoReplicasShareOneBudget() {
        RedisRateLimiter one = new RedisRateLimiter(first, clock);
        RedisRateLimiter other = new RedisRateLimiter(second, clock);

        int granted = 0;
        for (int i = 0; i < 3; i++) {
            granted += one.tryAcquire("falco", ONE_PER_SECOND_BURST_FOUR).allowed() ? 1 : 0;
            granted += other.tryAcquire("falco", ONE_PER_SECOND_BURST_FOUR).allowed() ? 1 : 0;
        }

        assertThat(granted).isEqualTo(4);
        assertThat(other.tryAcquire("falco", ONE_PER_SECOND_BURST_FOUR).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theBucketIsOneReadableKeyThatExpiresOnceFull() {
        new RedisRateLimiter(first, clock).tryAcquire("falco", new RateLimitSettings(10, 20));

        assertThat(redis.sync().hgetall("zw:ratelimit:falco"))
                .containsEntry("tokens", "19000000")
                .containsEntry("ts", Long.toString(clock.millis()));
        // 20 tokens at 10/s refill in 2 s; the key outlives that by a second, then carries no information.
        assertThat(redis.sync().pttl("zw:ratelimit:falco")).isBetween(2_000L, 3_000L);
    }

    @Test
    void anUnreachableRedisIsUnavailableNotAllowed(@DedicatedRedis RedisServerHandle doomed) {
        try (RedisConnector connector = RedisConnector.create(
                RedisConnectionOptions.of(doomed.uri()).withCommandTimeout(Duration.ofMillis(500)))) {
            RedisRateLimiter limiter = new RedisRateLimiter(connector, clock);
            assertThat(limiter.tryAcquire("falco", ONE_PER_SECOND_BURST_FOUR).allowed()).isTrue();

            doomed.stop();

            assertThatThrownBy(() -> limiter.tryAcquire("falco", ONE_PER_SECOND_BURST_FOUR))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.headers()).containsEntry("Retry-After", "5");
                        assertThat(e.getCause()).isNotNull();
                    });
        }
    }
}
