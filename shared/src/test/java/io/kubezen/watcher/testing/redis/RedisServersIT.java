package io.kubezen.watcher.testing.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server kinds that work without Docker, each started explicitly rather than through auto-selection. */
class RedisServersIT {

    @Test
    void embeddedFallbackRunsTheBundledServerWithTheSameSettings() {
        try (RedisServerHandle redis = RedisServers.start(RedisServerKind.EMBEDDED, RedisServerOptions.DEFAULT)) {
            assertThat(redis.kind()).isEqualTo(RedisServerKind.EMBEDDED);
            try (StatefulRedisConnection<String, String> connection = redis.client().connect()) {
                assertThat(connection.sync().info("server")).contains("redis_version:6.2");
                assertThatThrownBy(() -> connection.sync().keys("*"))
                        .isInstanceOf(RedisCommandExecutionException.class);
            }
        }
    }

    @Test
    void embeddedServerRestartsOnTheSamePort() {
        try (RedisServerHandle redis = RedisServers.start(RedisServerKind.EMBEDDED, RedisServerOptions.APPEND_ONLY)) {
            redis.command("SET durable yes");

            redis.kill();
            assertThatThrownBy(() -> redis.command("PING")).isInstanceOf(UncheckedIOException.class);
            redis.start();

            assertThat(redis.command("EXISTS durable")).isEqualTo(":1");
        }
    }

    @Test
    void closingStopsTheServer() {
        RedisServerHandle redis = RedisServers.start(RedisServerOptions.DEFAULT);

        redis.close();

        assertThat(redis.isRunning()).isFalse();
        assertThatThrownBy(() -> redis.command("PING")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void forcedKindIsReadFromTheSystemProperty() {
        String previous = System.getProperty(RedisServers.KIND_PROPERTY);
        try {
            System.setProperty(RedisServers.KIND_PROPERTY, "embedded");
            assertThat(RedisServers.chooseKind()).isEqualTo(RedisServerKind.EMBEDDED);
        } finally {
            if (previous == null) {
                System.clearProperty(RedisServers.KIND_PROPERTY);
            } else {
                System.setProperty(RedisServers.KIND_PROPERTY, previous);
            }
        }
    }
}
