package io.kubezen.watcher.dedup.redis;

import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.DedupStoreContract;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisKeys;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisDedupStoreIT extends DedupStoreContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;

    private static final RedisKeys KEYS = new RedisKeys(RedisConnectionOptions.DEFAULT_KEY_PREFIX,
            RedisConnectionOptions.DEFAULT_QUEUE_SHARDS);

    RedisDedupStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @Override
    protected DedupStore createStore(Clock clock) {
        return new RedisDedupStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    @Override
    protected DedupStore secondProcess(Clock clock) {
        return createStore(clock);
    }

    @Override
    protected Duration expiringWindow() {
        return Duration.ofMillis(300);
    }

    @Test
    void recordIsAReadableHashUnderTheDocumentedKeyExpiringWithTheWindow() {
        store.record(request("falco", "abc123", WINDOW));
        clock.advance(Duration.ofSeconds(1));
        store.record(request("falco", "abc123", WINDOW));
        String key = KEYS.dedupRecord("falco", "abc123");

        assertThat(key).matches("zw:\\{s[0-7]}:dedup:falco:abc123");
        assertThat(redis.sync().hgetall(key)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "source", "falco", "fingerprint", "abc123", "count", "2",
                "firstSeen", Long.toString(T0.toEpochMilli()),
                "lastSeen", Long.toString(T0.plusSeconds(1).toEpochMilli()),
                "expiresAt", Long.toString(T0.plus(WINDOW).toEpochMilli()),
                "statusDue", Long.toString(T0.plusSeconds(1).plus(DedupStore.DEFAULT_STATUS_INTERVAL).toEpochMilli())));
        // The key outlives the window by two status intervals, for the status update of the window's last repeats.
        long lifetime = WINDOW.plus(DedupStore.DEFAULT_STATUS_INTERVAL.multipliedBy(2)).toMillis();
        assertThat(redis.sync().pttl(key)).isBetween(lifetime - 5_000, lifetime);
    }

    @Test
    void keyPrefixIsConfigurable() {
        DedupStore other = new RedisDedupStore(
                connectors.open(redis.options().withKeyPrefix("team-b:")), clock, DedupStore.DEFAULT_STATUS_INTERVAL);

        other.record(request("falco", "abc123", WINDOW));

        assertThat(redis.sync().exists(new RedisKeys("team-b:", RedisConnectionOptions.DEFAULT_QUEUE_SHARDS)
                .dedupRecord("falco", "abc123"))).isEqualTo(1);
        assertThat(store.get("falco", "abc123")).isEmpty();
    }

    @Test
    void scriptIsSentAgainAfterRedisForgotIt() {
        store.record(request("falco", "a", WINDOW));
        redis.sync().scriptFlush();

        assertThat(store.record(request("falco", "a", WINDOW)).record().count()).isEqualTo(2);
    }
}
