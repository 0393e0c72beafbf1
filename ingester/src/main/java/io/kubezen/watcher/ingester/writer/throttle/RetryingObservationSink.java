package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.WriteResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Tries retryable writes and status updates again in-process, with {@link RetryPolicy}'s backoff and never sooner than a
 * server's Retry-After. Written and permanent results pass through at once. What is still retryable after
 * the last attempt is returned as such: the writer then leaves the queue entry pending for redelivery, and
 * the queue's delivery count decides when it is dead-lettered.
 */
public final class RetryingObservationSink implements ObservationSink {

    private final ObservationSink delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final RetryListener listener;

    public RetryingObservationSink(ObservationSink delegate, RetryPolicy policy, Sleeper sleeper, RandomGenerator random,
                                   RetryListener listener) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.listener = listener;
    }

    @Override
    public WriteResult write(ObservationWrite write) {
        return writeAll(List.of(write)).get(0);
    }

    @Override
    public List<WriteResult> writeAll(List<ObservationWrite> writes) {
        return withRetries(writes, delegate::writeAll);
    }

    @Override
    public WriteResult updateStatus(StatusWrite update) {
        return updateStatusAll(List.of(update)).get(0);
    }

    @Override
    public List<WriteResult> updateStatusAll(List<StatusWrite> updates) {
        return withRetries(updates, delegate::updateStatusAll);
    }

    /** Retries only the items of the batch that are still retryable, as one smaller batch each round. */
    private <T> List<WriteResult> withRetries(List<T> writes, Function<List<T>, List<WriteResult>> send) {
        List<WriteResult> results = new ArrayList<>(send.apply(writes));
        for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
            List<Integer> pending = retryable(results);
            if (pending.isEmpty()) {
                break;
            }
            try {
                sleeper.sleep(waitAfter(attempt, pending, results));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.forEach(i -> results.set(i, interrupted(results.get(i))));
                break;
            }
            pending.forEach(i -> listener.retrying(results.get(i).reason()));
            List<WriteResult> again = send.apply(pending.stream().map(writes::get).toList());
            for (int k = 0; k < pending.size(); k++) {
                results.set(pending.get(k), again.get(k));
            }
        }
        return results;
    }

    private Duration waitAfter(int attempt, List<Integer> pending, List<WriteResult> results) {
        Duration wait = policy.backoff(attempt, random);
        for (int i : pending) {
            Duration asked = results.get(i).retryAfter();
            if (asked != null && asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return wait;
    }

    private static List<Integer> retryable(List<WriteResult> results) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).outcome() == WriteResult.Outcome.RETRYABLE) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static WriteResult interrupted(WriteResult last) {
        return WriteResult.retryable(last.name(), FailureReason.INTERRUPTED,
                "interrupted while waiting to retry after: " + last.message(), null);
    }
}
