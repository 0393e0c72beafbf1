package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.ingester.writer.FailureReason;

/** Told of every retry {@link RetryingObservationSink} makes, for metrics. */
@FunctionalInterface
public interface RetryListener {

    RetryListener NOOP = reason -> { };

    /** Called once per write about to be retried, with the reason its last attempt failed. */
    void retrying(FailureReason reason);
}
