package io.kubezen.watcher.redis;

import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.admission.AdmissionRequest;
import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupWindows;
import io.kubezen.watcher.dedup.redis.RedisTrafficCounter;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueuedObservationFixtures;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Redis stopped mid-test": every Redis store fails fast while it is gone and recovers by itself. */
@WithRedis
class RedisOutageIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final Duration FAIL_FAST = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final DedupRequest EVENT = new DedupRequest("falco", "fp-1", Duration.ofMinutes(5));

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void storesFailFastWhileRedisIsDownAndTheSameInstancesRecover(@DedicatedRedis RedisServerHandle redis) {
        RedisConnector connector = connectors.open(RedisConnectionOptions.of(redis.uri()).withCommandTimeout(COMMAND_TIMEOUT));
        DedupStore dedup = new RedisDedupStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL);
        EventQueue queue = RedisEventQueue.shard(connector, 0, RedisEventQueue.DEFAULT_CAPACITY);
        AdmissionStore admission = new RedisAdmissionStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL, 1_000,
                ReplicaAcks.NONE);
        TrafficCounter traffic = new RedisTrafficCounter(connector, clock, TrafficBuckets.DEFAULT_RETENTION);
        RedisDedupWindows windows = new RedisDedupWindows(connector, clock, RedisDedupWindows.DEFAULT_CACHE_TTL);
        queue.ensureGroup(EventQueue.DEFAULT_GROUP);
        assertThat(dedup.record(EVENT).firstOccurrence()).isTrue();
        windows.windowFor("falco", Duration.ofMinutes(5));

        redis.stop();

        assertUnavailableFast(() -> dedup.record(EVENT));
        assertUnavailableFast(() -> dedup.get("falco", "fp-1"));
        assertUnavailableFast(() -> RedisCalls.await(admission.admitAsync(List.of(new AdmissionRequest("falco", "fp-2",
                QueuedObservationFixtures.entries("falco", 1).get(0).observation(), Duration.ofMinutes(5)))), "admit"));
        assertUnavailableFast(() -> queue.append(QueuedObservationFixtures.entries("falco", 1)));
        assertUnavailableFast(() -> queue.read(EventQueue.DEFAULT_GROUP, "writer-1", 1, Duration.ZERO));
        assertUnavailableFast(() -> queue.claimIdle(EventQueue.DEFAULT_GROUP, "writer-1", Duration.ZERO, 1));
        assertUnavailableFast(() -> queue.deadLetters().list(null, 10));
        assertUnavailableFast(() -> traffic.add("falco", 1));
        clock.advance(RedisDedupWindows.DEFAULT_CACHE_TTL);
        assertUnavailableFast(() -> windows.windowFor("falco", Duration.ofMinutes(5)));

        redis.start();

        awaitWorking(() -> dedup.record(EVENT));
        awaitWorking(() -> queue.ensureGroup(EventQueue.DEFAULT_GROUP));
        awaitWorking(() -> queue.append(QueuedObservationFixtures.entries("falco", 1)));
        assertThat(queue.read(EventQueue.DEFAULT_GROUP, "writer-1", 10, Duration.ZERO)).hasSize(1);
        traffic.add("falco", 1);
        windows.publish("falco", Duration.ofSeconds(60));
        assertThat(windows.windowFor("falco", Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
        windows.close();
    }

    @Test
    void aProcessStartedWhileRedisIsDownStartsWorkingOnceItIsUp(@DedicatedRedis RedisServerHandle redis) {
        redis.stop();
        RedisConnector connector = connectors.open(RedisConnectionOptions.of(redis.uri()).withCommandTimeout(COMMAND_TIMEOUT));
        DedupStore dedup = new RedisDedupStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL);

        assertUnavailableFast(() -> dedup.record(EVENT));
        redis.start();

        awaitWorking(() -> dedup.record(EVENT));
    }

    @Test
    void aCommandRedisDoesNotAnswerTimesOut(@DedicatedRedis RedisServerHandle redis) {
        RedisConnector connector = connectors.open(RedisConnectionOptions.of(redis.uri()).withCommandTimeout(COMMAND_TIMEOUT));
        DedupStore dedup = new RedisDedupStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL);
        dedup.record(EVENT);

        redis.sync().clientPause(5_000);

        assertUnavailableFast(() -> dedup.record(List.of(EVENT)));
    }

    private static void assertUnavailableFast(ThrowingCallable call) {
        long started = System.nanoTime();
        assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("Redis");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
    }

    private static void awaitWorking(Runnable call) {
        Await.until("the store works again", RECOVERY, () -> {
            try {
                call.run();
                return true;
            } catch (StoreUnavailableException stillDown) {
                return false;
            }
        });
    }
}
