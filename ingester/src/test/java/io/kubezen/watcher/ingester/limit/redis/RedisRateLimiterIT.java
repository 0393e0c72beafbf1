package io.kubezen.watcher.ingester.limit.redis;

import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.RateLimiterContract;
import io.kubezen.watcher.ingester.limit.RateLimiterUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisRateLimiterIT extends RateLimiterContract {

    private static RedisServerProcess server;
    private static RedisClient client;
    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
        client = RedisClient.create(server.uri());
        // Fail fast while disconnected instead of queueing commands until the timeout.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown();
        server.close();
    }

    @BeforeEach
    void emptyRedis() {
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            admin.sync().flushall();
            // Start each test with a cold script cache, so the EVALSHA-miss path runs too.
            admin.sync().scriptFlush();
        }
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(StatefulRedisConnection::close);
    }

    @Override
    protected RateLimiter newLimiter(Clock clock) {
        return new RedisRateLimiter(connect(), RedisRateLimiter.DEFAULT_KEY_PREFIX, clock);
    }

    @Test
    void twoReplicasShareOneBudget() {
        RedisRateLimiter first = new RedisRateLimiter(connect(), "zw:", clock);
        RedisRateLimiter second = new RedisRateLimiter(connect(), "zw:", clock);
        RateLimitSettings settings = new RateLimitSettings(1, 4);

        int granted = 0;
        for (int i = 0; i < 3; i++) {
            granted += first.tryAcquire("falco", settings).allowed() ? 1 : 0;
            granted += second.tryAcquire("falco", settings).allowed() ? 1 : 0;
        }

        assertThat(granted).isEqualTo(4);
        assertThat(second.tryAcquire("falco", settings).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theBucketIsOneReadableKeyThatExpiresOnceFull() {
        RedisRateLimiter limiter = new RedisRateLimiter(connect(), "zw:", clock);
        limiter.tryAcquire("falco", new RateLimitSettings(10, 20));

        StatefulRedisConnection<String, String> admin = connect();
        assertThat(limiter.key("falco")).isEqualTo("zw:ratelimit:falco");
        assertThat(admin.sync().hgetall("zw:ratelimit:falco"))
                .containsEntry("tokens", "19000000")
                .containsEntry("ts", Long.toString(clock.millis()));
        // 20 tokens at 10/s refill in 2 s; the key outlives that by a second, then carries no information.
        assertThat(admin.sync().pttl("zw:ratelimit:falco")).isBetween(2_000L, 3_000L);
    }

    @Test
    void anUnreachableRedisIsUnavailableNotAllowed() {
        RedisServerProcess doomed = RedisServerProcess.start();
        RedisClient doomedClient = RedisClient.create(doomed.uri());
        doomedClient.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
        try (StatefulRedisConnection<String, String> connection = doomedClient.connect()) {
            RedisRateLimiter limiter = new RedisRateLimiter(connection, "zw:", clock);
            assertThat(limiter.tryAcquire("falco", RateLimitSettings.DEFAULT).allowed()).isTrue();

            doomed.close();

            assertThatThrownBy(() -> limiter.tryAcquire("falco", RateLimitSettings.DEFAULT))
                    .isInstanceOfSatisfying(RateLimiterUnavailableException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.headers()).containsEntry("Retry-After", "5");
                        assertThat(e.getCause()).isNotNull();
                    });
        } finally {
            doomedClient.shutdown();
        }
    }

    private StatefulRedisConnection<String, String> connect() {
        StatefulRedisConnection<String, String> connection = client.connect();
        connections.add(connection);
        return connection;
    }
}
