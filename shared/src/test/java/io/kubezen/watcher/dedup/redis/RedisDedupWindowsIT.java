package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.DedupWindowsContract;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisDedupWindowsIT extends DedupWindowsContract {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;
    private final List<RedisDedupWindows> created = new ArrayList<>();

    RedisDedupWindowsIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @AfterEach
    void unsubscribe() {
        created.forEach(RedisDedupWindows::close);
    }

    @Override
    protected DedupWindows createWindows(Clock clock) {
        RedisDedupWindows windows = new RedisDedupWindows(connectors.open(redis), clock, CACHE_TTL);
        created.add(windows);
        return windows;
    }

    @Override
    protected DedupWindows secondProcess(Clock clock) {
        return createWindows(clock);
    }

    @Test
    void publishedWindowIsWholeSecondsUnderTheDocumentedKey() {
        windows.publish("falco", Duration.ofMinutes(2));

        assertThat(redis.sync().get("zw:window:falco")).isEqualTo("120");
    }

    @Test
    void aChangeWithoutNoticeIsPickedUpWhenTheCacheExpires() {
        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(CONFIGURED);

        redis.sync().set("zw:window:falco", "45");

        assertThat(windows.windowFor("falco", CONFIGURED)).as("cached, Redis not read").isEqualTo(CONFIGURED);
        clock.advance(CACHE_TTL);
        assertThat(windows.windowFor("falco", CONFIGURED)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void answersFromMemoryOnlyWhileTheWindowReadIsCachedForAnotherSecond() {
        assertThat(windows.answersFromMemory("falco")).as("never read").isFalse();

        windows.windowFor("falco", CONFIGURED);

        assertThat(windows.answersFromMemory("falco")).isTrue();
        assertThat(windows.answersFromMemory("k8s-audit")).as("another source, never read").isFalse();
        redis.sync().set("zw:window:falco", "45");
        clock.advance(CACHE_TTL.minusSeconds(1));
        assertThat(windows.answersFromMemory("falco")).as("the cached read expires within a second").isFalse();
        assertThat(windows.windowFor("falco", CONFIGURED)).as("so it is read again").isEqualTo(Duration.ofSeconds(45));
        assertThat(windows.answersFromMemory("falco")).isTrue();
    }
}
