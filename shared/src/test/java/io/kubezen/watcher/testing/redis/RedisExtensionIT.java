package io.kubezen.watcher.testing.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRedis
class RedisExtensionIT {

    @Test
    void sharedServerAnswersPingThroughLettuce(RedisClient client, RedisServerHandle redis) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
        assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
    }

    @Test
    void keysIsRefusedSoCodeMustScan(RedisClient client) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("zw:probe", "1");

            assertThatThrownBy(() -> connection.sync().keys("*"))
                    .isInstanceOf(RedisCommandExecutionException.class)
                    .hasMessageContaining("unknown command");
        }
    }

    @Test
    void scanFindsEveryMatchingKey(RedisClient client) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            for (int i = 0; i < 250; i++) {
                redis.set("zw:scan:" + i, "v");
                redis.set("other:" + i, "v");
            }

            Set<String> found = new HashSet<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches("zw:scan:*").limit(50));
                found.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());

            assertThat(found).hasSize(250).allMatch(key -> key.startsWith("zw:scan:"));
        }
    }

    @RepeatedTest(2)
    void everyTestStartsWithAnEmptyServer(RedisServerHandle redis) {
        assertThat(redis.command("DBSIZE")).isEqualTo(":0");
        redis.command("SET leftover-from-previous-test 1");
        assertThat(redis.command("DBSIZE")).isEqualTo(":1");
    }

    @Test
    void dedicatedServerStopsAndStartsOnTheSamePort(@DedicatedRedis RedisServerHandle dedicated,
                                                    RedisServerHandle shared) {
        int port = dedicated.port();
        assertThat(port).isNotEqualTo(shared.port());

        dedicated.stop();
        assertThat(dedicated.isRunning()).isFalse();
        assertThatThrownBy(() -> dedicated.command("PING")).isInstanceOf(UncheckedIOException.class);
        assertThat(shared.command("PING")).isEqualTo("+PONG");

        dedicated.start();
        assertThat(dedicated.port()).isEqualTo(port);
        try (StatefulRedisConnection<String, String> connection = dedicated.client().connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void appendOnlyServerKeepsAcknowledgedWritesThroughACrash(@DedicatedRedis(appendOnly = true) RedisServerHandle redis) {
        assertThat(redis.command("SET durable yes")).isEqualTo("+OK");

        redis.kill();
        redis.start();

        assertThat(redis.command("EXISTS durable")).isEqualTo(":1");
    }

    @Test
    void serverWithoutAppendOnlyLosesEverythingOnRestart(@DedicatedRedis RedisServerHandle redis) {
        redis.command("SET volatile yes");

        redis.restart();

        assertThat(redis.command("EXISTS volatile")).isEqualTo(":0");
    }
}
