package io.kubezen.watcher.queue;

import java.util.OptionalLong;

/**
 * How far behind the writers are, for metrics and autoscaling.
 *
 * @param length      entries in the queue: not yet delivered, or delivered and not yet acknowledged
 * @param pending     entries delivered to the group's consumers and not yet acknowledged
 * @param lag         entries not yet delivered to the group; empty when the store cannot tell (Redis before 7.0)
 * @param deadLetters entries given up on, waiting for an operator to replay or delete them
 */
public record QueueStats(long length, long pending, OptionalLong lag, long deadLetters) {

    /** The sums of both; lag is unknown when either cannot tell it. */
    public QueueStats plus(QueueStats other) {
        OptionalLong sum = lag.isPresent() && other.lag.isPresent()
                ? OptionalLong.of(lag.getAsLong() + other.lag.getAsLong()) : OptionalLong.empty();
        return new QueueStats(length + other.length, pending + other.pending, sum, deadLetters + other.deadLetters);
    }
}
