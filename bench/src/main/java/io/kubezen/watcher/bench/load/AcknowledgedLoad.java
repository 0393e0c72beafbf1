package io.kubezen.watcher.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Distinct events at a steady rate over keep-alive connections, remembering every event id that got a 2xx. It
 * behaves like falcosidekick or the audit webhook backend: an event answered 5xx, or left without an answer
 * because the connection broke, is sent again after a pause until it is acknowledged or its attempts run out.
 * That is what lets a reliability run tell "the sender was told 2xx" apart from "the sender gave up".
 */
public final class AcknowledgedLoad implements AutoCloseable {

    private final PayloadTemplate template;
    private final String prefix;
    private final Settings settings;
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong unavailableWithRetryAfter = new AtomicLong();
    private final AtomicLong otherStatuses = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong lastAcknowledgedNanos = new AtomicLong();
    private final List<Thread> senders = new ArrayList<>();

    /**
     * @param prefix starts every event id, so that ids of different runs never meet
     */
    public AcknowledgedLoad(PayloadTemplate template, String prefix, Settings settings) {
        this.template = template;
        this.prefix = prefix;
        this.settings = settings;
    }

    public void start() {
        for (int i = 0; i < settings.connections(); i++) {
            Thread sender = new Thread(new Sender(prefix + "c" + i + "e"), "acknowledged-load-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    /** Sends no new event; events still being retried get their remaining attempts. Returns once every sender ended. */
    public void stop() throws InterruptedException {
        sending.set(false);
        for (Thread sender : senders) {
            sender.join();
        }
    }

    public Tally tally() {
        return new Tally(sent.get(), Set.copyOf(acknowledged), unavailable.get(), unavailableWithRetryAfter.get(),
                otherStatuses.get(), unanswered.get(), gaveUp.get());
    }

    /** {@link System#nanoTime()} of the latest 2xx, 0 before the first: when the target answers again after an outage. */
    public long lastAcknowledgedNanos() {
        return lastAcknowledgedNanos.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * @param ratePerSecond new events per second over all connections; retries come on top
     * @param retryPause    between two attempts of one event
     * @param maxAttempts   attempts of one event before the sender gives up on it
     */
    public record Settings(URI target, int connections, int ratePerSecond, Duration retryPause, int maxAttempts) {

        public Settings {
            if (connections < 1 || ratePerSecond < connections || maxAttempts < 1) {
                throw new IllegalArgumentException("needs at least one connection, one event per second per "
                        + "connection and one attempt");
            }
        }
    }

    /**
     * What the senders were told.
     *
     * @param sent                      distinct events sent at least once
     * @param acknowledged              ids of the events that got a 2xx
     * @param unavailable               503 answers, counted per attempt
     * @param unavailableWithRetryAfter of those, the ones with a {@code Retry-After} header
     * @param otherStatuses             attempts answered with a status other than 2xx or 503
     * @param unanswered                attempts without an answer: connection refused or broken
     * @param gaveUp                    events never acknowledged within their attempts
     */
    public record Tally(long sent, Set<String> acknowledged, long unavailable, long unavailableWithRetryAfter,
                        long otherStatuses, long unanswered, long gaveUp) {
    }

    private final class Sender implements Runnable {

        private final String idPrefix;
        private HttpConnection connection;

        private Sender(String idPrefix) {
            this.idPrefix = idPrefix;
        }

        @Override
        public void run() {
            long interval = TimeUnit.SECONDS.toNanos(settings.connections()) / settings.ratePerSecond();
            long next = System.nanoTime();
            try {
                for (long n = 1; sending.get(); n++) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += interval;
                    String id = idPrefix + n;
                    sent.incrementAndGet();
                    if (!deliver(id, template.body(List.of(id)))) {
                        gaveUp.incrementAndGet();
                    }
                }
            } finally {
                disconnect();
            }
        }

        private boolean deliver(String id, byte[] body) {
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                if (attempt > 1) {
                    LockSupport.parkNanos(settings.retryPause().toNanos());
                }
                try {
                    if (connection == null) {
                        connection = HttpConnection.open(settings.target());
                    }
                    HttpResponseReader.Response response = connection.send(body);
                    if (connection.closedByServer()) {
                        disconnect();
                    }
                    if (response.status() / 100 == 2) {
                        acknowledged.add(id);
                        lastAcknowledgedNanos.set(System.nanoTime());
                        return true;
                    }
                    if (response.status() == 503) {
                        unavailable.incrementAndGet();
                        if (response.retryAfter()) {
                            unavailableWithRetryAfter.incrementAndGet();
                        }
                    } else {
                        otherStatuses.incrementAndGet();
                    }
                } catch (IOException e) {
                    unanswered.incrementAndGet();
                    disconnect();
                }
            }
            return false;
        }

        private void disconnect() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException e) {
                    // Already broken; a new connection follows.
                }
                connection = null;
            }
        }
    }
}
