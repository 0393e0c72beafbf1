package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryingObservationSinkTest {

    private final RecordingSleeper sleeper = new RecordingSleeper(new MutableClock(Instant.parse("2026-03-01T00:00:00Z")));
    private final ScriptedSink delegate = new ScriptedSink();
    private final List<FailureReason> retries = new ArrayList<>();
    private final RetryingObservationSink sink = new RetryingObservationSink(
            delegate, new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1)), sleeper, FixedRandom.of(0.5),
            retries::add);
    private final ObservationWrite first = TestObservations.write("apps", "falco", Severity.HIGH, "fp-1");
    private final ObservationWrite second = TestObservations.write("apps", "falco", Severity.HIGH, "fp-2");

    @Test
    void retriesRetryableUntilWrittenWithGrowingJitteredWaits() {
        delegate.answer(first, serverError(first), serverError(first), WriteResult.created(first.name()));

        assertThat(sink.write(first).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(delegate.calls(first)).isEqualTo(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(retries).containsExactly(FailureReason.SERVER_ERROR, FailureReason.SERVER_ERROR);
    }

    @Test
    void givesUpAfterMaxAttemptsAndReturnsTheLastRetryableResult() {
        delegate.answer(first, serverError(first), serverError(first), serverError(first), timeout(first));

        WriteResult result = sink.write(first);

        assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.RETRYABLE);
        assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(delegate.calls(first)).isEqualTo(4);
    }

    @Test
    void permanentAndWrittenResultsAreNotRetried() {
        WriteResult invalid = WriteResult.permanent(first.name(), FailureReason.INVALID, "bad", List.of());
        delegate.answer(first, invalid);
        delegate.answer(second, WriteResult.alreadyExists(second.name()));

        assertThat(sink.writeAll(List.of(first, second))).containsExactly(invalid, WriteResult.alreadyExists(second.name()));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retryAfterFromTheServerIsTheShortestWait() {
        delegate.answer(first, WriteResult.retryable(first.name(), FailureReason.THROTTLED, "slow down", Duration.ofSeconds(3)),
                WriteResult.created(first.name()));

        sink.write(first);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void batchRetriesOnlyItsRetryableEntriesAndKeepsOrder() {
        delegate.answer(first, serverError(first), WriteResult.created(first.name()));
        delegate.answer(second, WriteResult.created(second.name()));

        List<WriteResult> results = sink.writeAll(List.of(first, second));

        assertThat(results).extracting(WriteResult::name).containsExactly(first.name(), second.name());
        assertThat(results).allMatch(WriteResult::settled);
        assertThat(delegate.calls(second)).isEqualTo(1);
        assertThat(delegate.batches()).containsExactly(2, 1);
    }

    @Test
    void statusUpdatesAreRetriedLikeWrites() {
        StatusWrite update = new StatusWrite(first.name(), first.namespace(), first.destination(),
                new SeenStatus(first.firstSeen(), first.firstSeen().plusSeconds(9), 4));
        delegate.answer(first, serverError(first), WriteResult.of(WriteResult.Outcome.UPDATED, first.name()));

        List<WriteResult> results = sink.updateStatusAll(List.of(update));

        assertThat(results).extracting(WriteResult::outcome).containsExactly(WriteResult.Outcome.UPDATED);
        assertThat(delegate.batches()).containsExactly(1, 1);
    }

    @Test
    void interruptedWaitLeavesTheEntryRetryableAndKeepsTheInterruptFlag() {
        RetryingObservationSink interrupted = new RetryingObservationSink(delegate, RetryPolicy.defaults(),
                d -> {
                    throw new InterruptedException("shutdown");
                }, FixedRandom.of(0.5), RetryListener.NOOP);
        delegate.answer(first, serverError(first));

        try {
            WriteResult result = interrupted.write(first);

            assertThat(result.reason()).isEqualTo(FailureReason.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static WriteResult serverError(ObservationWrite write) {
        return WriteResult.retryable(write.name(), FailureReason.SERVER_ERROR, "etcdserver: leader changed", null);
    }

    private static WriteResult timeout(ObservationWrite write) {
        return WriteResult.retryable(write.name(), FailureReason.TIMEOUT, "read timed out", null);
    }

    /** Answers each write from its own script, repeating the last answer when the script runs out. */
    private static final class ScriptedSink implements ObservationSink {

        private final Map<String, Deque<WriteResult>> scripts = new HashMap<>();
        private final Map<String, Integer> calls = new HashMap<>();
        private final List<Integer> batches = new ArrayList<>();

        void answer(ObservationWrite write, WriteResult... results) {
            scripts.put(write.name(), new ArrayDeque<>(List.of(results)));
        }

        int calls(ObservationWrite write) {
            return calls.getOrDefault(write.name(), 0);
        }

        List<Integer> batches() {
            return batches;
        }

        @Override
        public List<WriteResult> writeAll(List<ObservationWrite> writes) {
            batches.add(writes.size());
            return writes.stream().map(this::write).toList();
        }

        @Override
        public WriteResult write(ObservationWrite write) {
            return next(write.name());
        }

        @Override
        public List<WriteResult> updateStatusAll(List<StatusWrite> updates) {
            batches.add(updates.size());
            return updates.stream().map(this::updateStatus).toList();
        }

        @Override
        public WriteResult updateStatus(StatusWrite update) {
            return next(update.name());
        }

        private WriteResult next(String name) {
            calls.merge(name, 1, Integer::sum);
            Deque<WriteResult> script = scripts.get(name);
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }
}
