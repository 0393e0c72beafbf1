package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.time.Duration;

/** 503 with Retry-After: the receiver's {@link InFlightBudget} stayed taken for longer than a request may wait. */
public final class BusyException extends ProblemException {

    BusyException(String source, Duration waited) {
        super(ProblemType.UNAVAILABLE, "The receiver is busy: the requests it is processing took its whole memory "
                + "budget (zen-watcher.receiver.max-in-flight-bytes) for " + waited.toMillis() + " ms; retry after "
                + "the time in Retry-After.", source, null, retryAfter(Duration.ofSeconds(1)));
    }
}
