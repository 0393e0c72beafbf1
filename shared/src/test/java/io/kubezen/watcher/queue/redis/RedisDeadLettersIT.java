package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.DeadLettersContract;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.kubezen.watcher.queue.QueuedObservationFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithRedis
class RedisDeadLettersIT extends DeadLettersContract {

    private static final String STREAM = "zw:{s0}:observations";
    private static final String DEAD_LETTERS = "zw:{s0}:dead-letters";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisDeployment redis;
    private final List<RedisEventQueue> created = new ArrayList<>();

    RedisDeadLettersIT(RedisDeployment redis) {
        this.redis = redis;
    }

    @AfterEach
    void closeReadConnections() {
        created.forEach(RedisEventQueue::close);
    }

    @Override
    protected EventQueue createQueue(long capacity) {
        return open(redis, capacity);
    }

    /** Redis stamps the ids, and runs on this host, so it shares this clock. */
    @Override
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @Test
    void aDeadLetterIsReadableWithXrangeUnderTheDocumentedKey() {
        QueueEntry entry = readOne(queue);

        queue.deadLetter(GROUP, entry, "forbidden", "cannot create observations in shop", 2);

        StreamMessage<String, String> stored = redis.sync().xrange(DEAD_LETTERS, Range.unbounded()).get(0);
        assertThat(stored.getBody()).containsEntry("dl.reason", "forbidden")
                .containsEntry("dl.detail", "cannot create observations in shop")
                .containsEntry("dl.attempts", "2")
                .containsEntry("dl.originalId", entry.id())
                .containsEntry("source", "falco")
                .containsEntry("fingerprint", "fp-0");
    }

    @Test
    void whenTheDeadLetterCannotBeWrittenNothingIsAcknowledged() {
        QueueEntry entry = readOne(queue);
        redis.sync().set(DEAD_LETTERS, "not a stream");

        assertThatThrownBy(() -> queue.deadLetter(GROUP, entry, "invalid", "", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WRONGTYPE");
        assertThat(redis.sync().xlen(STREAM)).isEqualTo(1);
        assertThat(redis.sync().xpending(STREAM, GROUP).getCount()).isEqualTo(1);
    }

    @Test
    void whileRedisIsDownDeadLetteringFailsAndTheEntryIsStillPendingAfterARestart(
            @DedicatedRedis(appendOnly = true) RedisServerHandle dedicated) {
        EventQueue own = open(dedicated, 100);
        own.ensureGroup(GROUP);
        QueueEntry entry = readOne(own);

        dedicated.stop();
        assertThatThrownBy(() -> own.deadLetter(GROUP, entry, "invalid", "", 1))
                .isInstanceOf(StoreUnavailableException.class);
        dedicated.start();

        Await.until("the queue answers again", Duration.ofSeconds(15), () -> answers(own));
        assertThat(own.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending, QueueStats::deadLetters)
                .containsExactly(1L, 1L, 0L);
        assertThat(own.deadLetter(GROUP, entry, "invalid", "", 1)).isTrue();
        assertThat(own.stats(GROUP)).extracting(QueueStats::length, QueueStats::pending, QueueStats::deadLetters)
                .containsExactly(0L, 0L, 1L);
    }

    private RedisEventQueue open(RedisDeployment server, long capacity) {
        RedisEventQueue opened = RedisEventQueue.shard(
                connectors.open(server.options().withCommandTimeout(COMMAND_TIMEOUT)), 0, capacity);
        created.add(opened);
        return opened;
    }

    private static QueueEntry readOne(EventQueue queue) {
        queue.append(entries("falco", 1));
        return queue.read(GROUP, "writer-1", 1, Duration.ZERO).get(0);
    }

    private static boolean answers(EventQueue queue) {
        try {
            queue.stats(GROUP);
            return true;
        } catch (StoreUnavailableException stillDown) {
            return false;
        }
    }
}
