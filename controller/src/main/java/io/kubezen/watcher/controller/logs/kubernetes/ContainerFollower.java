package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubezen.watcher.throttle.TokenBucket;
import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.ContainerLog;
import io.kubezen.watcher.controller.logs.LogsOptions;
import io.kubezen.watcher.controller.logs.SourceMeters;
import io.kubezen.watcher.controller.logs.StreamSlots;
import io.kubezen.watcher.source.logs.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One container's stream on a thread of its own: takes a stream slot, streams from the recorded position, hands
 * each line to its {@link ContainerLog} at no more than the configured rate, and when the stream ends opens the next
 * one while the container still runs (after a delay that doubles while streams fail). It ends when the container
 * stops running or its pod goes (asked through {@link Continuation}), or when it is stopped.
 */
final class ContainerFollower {

    /** Asked when a stream ended whether to open the next one. */
    @FunctionalInterface
    interface Continuation {

        /** @param failed the stream broke or could not be opened, rather than reaching the end of the log */
        boolean reconnect(boolean failed);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ContainerFollower.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ContainerKey container;
    private final ContainerLog log;
    private final PodLogStreams streams;
    private final StreamSlots slots;
    private final SourceMeters meters;
    private final LogsOptions options;
    private final TokenBucket rate;
    private final Instant firstSince;
    private final Continuation continuation;
    private final FailureLog failures;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile LogStream current;

    /**
     * @param firstSince where to stream from when the container has no recorded position
     * @param exited     called on the follower's thread when it ends by itself
     */
    ContainerFollower(String source, ContainerKey container, ContainerLog log, PodLogStreams streams, StreamSlots slots,
                      SourceMeters meters, LogsOptions options, TokenBucket rate, Instant firstSince,
                      Continuation continuation, Runnable exited) {
        this.container = container;
        this.log = log;
        this.streams = streams;
        this.slots = slots;
        this.meters = meters;
        this.options = options;
        this.rate = rate;
        this.firstSince = firstSince;
        this.continuation = continuation;
        this.failures = new FailureLog(LOG, "Log stream of " + container + " for source " + source);
        this.thread = new Thread(() -> {
            follow();
            if (!isStopped()) {
                exited.run();
            }
        }, "logs-" + source + "-" + container);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Ends the stream; the thread then records the position of what it read and ends. */
    void stop() {
        stopped.countDown();
        LogStream stream = current;
        if (stream != null) {
            stream.close();
        }
    }

    /** Waits for the thread after {@link #stop}. */
    void awaitStopped() {
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        Duration delay = options.reconnectDelay();
        try {
            while (!isStopped()) {
                if (!slots.acquire(meters, this::isStopped)) {
                    return;
                }
                boolean failed;
                try {
                    failed = !stream();
                } finally {
                    slots.release();
                }
                if (isStopped() || !continuation.reconnect(failed)) {
                    return;
                }
                delay = failed ? min(delay.multipliedBy(2), options.maxReconnectDelay()) : options.reconnectDelay();
                if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One stream, to its end; false when it failed. The position of what was read is recorded either way. */
    private boolean stream() throws InterruptedException {
        try {
            Instant since = log.begin(firstSince);
            try (LogStream stream = streams.open(container, since)) {
                current = stream;
                meters.streamOpened();
                try {
                    read(stream);
                } finally {
                    meters.streamClosed();
                    current = null;
                }
            } finally {
                log.end();
            }
            failures.succeeded();
            return true;
        } catch (IOException | RuntimeException e) {
            if (isStopped()) {
                return true;
            }
            meters.streamFailed();
            failures.failed(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
            return false;
        }
    }

    private void read(LogStream stream) throws IOException, InterruptedException {
        String streamed;
        while (!isStopped() && (streamed = stream.readLine()) != null) {
            LogLine line;
            try {
                line = LogLine.parse(container.namespace(), container.pod(), container.container(), streamed);
            } catch (IllegalArgumentException e) {
                // The kubelet prefixes every line with its time; a line without one cannot be placed or resumed.
                continue;
            }
            Duration wait = rate.reserve();
            if (!wait.isZero()) {
                meters.lineThrottled();
                if (stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
            log.accept(line);
        }
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
