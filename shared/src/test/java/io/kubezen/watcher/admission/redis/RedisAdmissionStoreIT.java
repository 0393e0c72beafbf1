package io.kubezen.watcher.admission.redis;

import io.kubezen.watcher.admission.AdmissionStore;
import io.kubezen.watcher.admission.AdmissionStoreContract;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.ShardedEventQueue;
import io.kubezen.watcher.queue.redis.RedisEventQueue;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis
class RedisAdmissionStoreIT extends AdmissionStoreContract {

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    protected final RedisDeployment redis;
    private ShardedEventQueue queue;

    RedisAdmissionStoreIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @AfterEach
    void closeQueue() {
        if (queue != null) {
            queue.close();
        }
    }

    /** Each store has a connection of its own, as another ingester would. */
    @Override
    protected AdmissionStore createStore(Clock clock, long capacity) {
        return new RedisAdmissionStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL, capacity,
                ReplicaAcks.NONE);
    }

    @Override
    protected EventQueue queue() {
        if (queue == null) {
            queue = RedisEventQueue.sharded(connectors.open(redis), RedisEventQueue.DEFAULT_CAPACITY);
        }
        return queue;
    }

    @Override
    protected DedupStore records() {
        return new RedisDedupStore(connectors.open(redis), clock, DedupStore.DEFAULT_STATUS_INTERVAL);
    }

    @Test
    void anEventsRecordAndItsEntryShareTheShardsSlot() {
        RedisConnector connector = connectors.open(redis);
        createStore(clock, 1_000).admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join();
        int shard = connector.keys().shard("falco", "fp-1");

        String record = connector.keys().dedupRecord("falco", "fp-1");
        String stream = connector.keys().observationStream(shard);
        assertThat(record).isEqualTo("zw:{s" + shard + "}:dedup:falco:fp-1");
        assertThat(SlotHash.getSlot(record)).isEqualTo(SlotHash.getSlot(stream));
        assertThat(redis.sync().exists(record)).isEqualTo(1);
        assertThat(redis.sync().xlen(stream)).isEqualTo(1);
        assertThat(QueueStreams.length(redis.sync())).isEqualTo(1);
    }

    @Test
    void theScriptIsSentAgainAfterRedisForgotIt() {
        AdmissionStore store = createStore(clock, 1_000);
        store.admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join();
        redis.sync().scriptFlush();
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.admitAsync(List.of(request("fp-1", WINDOW))).toCompletableFuture().join().get(0)
                .record().count()).isEqualTo(2);
    }
}
