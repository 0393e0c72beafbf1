package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.ingester.wiring.ConsumerProperties;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueueStats;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer thread on its own: a step that fails with something other than an outage does not end it. */
class QueueWriterLoopIT {

    @Test
    void aReadThatFailsUnexpectedlyIsRetriedAndTheEntryWritten() throws Exception {
        Clock clock = Clock.systemUTC();
        InMemoryEventQueue queue = new InMemoryEventQueue(10, clock);
        ObservationWrite write = TestObservations.write("apps", "falco", Severity.HIGH, "fp-1");
        queue.append(List.of(new QueuedObservation(write.observation(), "fp-1", TestObservations.FIRST_SEEN)));
        List<String> written = new CopyOnWriteArrayList<>();
        ConsumerProperties settings = new ConsumerProperties(EventQueue.DEFAULT_GROUP, null, 10, 1,
                Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofMinutes(1), 10, Duration.ofSeconds(5), 100);
        QueueWriter writer = new QueueWriter(new FailsFirstRead(queue), new Recording(written),
                new InMemoryDedupStore(clock, 10, DedupStore.DEFAULT_STATUS_INTERVAL), settings, "writer-1",
                new WriterMetrics(new SimpleMeterRegistry()), clock);

        try (QueueWriterLoop loop = new QueueWriterLoop(writer, settings)) {
            loop.start();
            Await.until("the entry is written after the failed read", Duration.ofSeconds(10), () -> !written.isEmpty());
        } finally {
            writer.close();
        }

        assertThat(written).containsExactly(write.name());
        assertThat(queue.stats(EventQueue.DEFAULT_GROUP).length()).isZero();
    }

    private static final class Recording implements ObservationSink {
        private final List<String> written;

        Recording(List<String> written) {
            this.written = written;
        }

        @Override
        public WriteResult write(ObservationWrite write) {
            written.add(write.name());
            return WriteResult.created(write.name());
        }

        @Override
        public WriteResult updateStatus(StatusWrite update) {
            return WriteResult.of(WriteResult.Outcome.UPDATED, update.name());
        }
    }

    /** Answers its first read with the error Redis gives for a missing group, as no retry of the call would fix. */
    private record FailsFirstRead(EventQueue delegate, AtomicBoolean failed) implements EventQueue {

        FailsFirstRead(EventQueue delegate) {
            this(delegate, new AtomicBoolean());
        }

        @Override
        public List<QueueEntry> read(String group, String consumer, int count, Duration block) {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("Redis rejected queue read: NOGROUP No such key");
            }
            return delegate.read(group, consumer, count, block);
        }

        @Override
        public List<String> append(List<? extends QueueItem> entries) {
            return delegate.append(entries);
        }

        @Override
        public void ensureGroup(String group) {
            delegate.ensureGroup(group);
        }

        @Override
        public List<QueueEntry> claimIdle(String group, String consumer, Duration minIdle, int count) {
            return delegate.claimIdle(group, consumer, minIdle, count);
        }

        @Override
        public long ack(String group, List<String> ids) {
            return delegate.ack(group, ids);
        }

        @Override
        public boolean deadLetter(String group, QueueEntry entry, String reason, String detail, int attempts) {
            return delegate.deadLetter(group, entry, reason, detail, attempts);
        }

        @Override
        public DeadLetters deadLetters() {
            return delegate.deadLetters();
        }

        @Override
        public QueueStats stats(String group) {
            return delegate.stats(group);
        }
    }
}
