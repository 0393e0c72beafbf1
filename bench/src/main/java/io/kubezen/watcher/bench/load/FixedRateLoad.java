package io.kubezen.watcher.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * An open-loop load at a fixed request rate, for latency below saturation, which wrk (closed loop) cannot
 * give and Debian ships no wrk2 for. Each connection has a schedule of intended send times; a request's latency
 * is counted from its intended time, not from when it was actually sent, so a stall of the server also counts
 * against the requests that should have gone out during it (no coordinated omission, as in wrk2).
 */
public final class FixedRateLoad {

    /** Latencies above this are recorded as this; far beyond any timeout the harness allows. */
    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(1).toNanos() / 1000;
    private static final long START_DELAY_NANOS = Duration.ofMillis(20).toNanos();

    /**
     * @param connections enough that a connection's share of the rate leaves time for the answers:
     *                    {@code connections / requestsPerSecond} well above the expected latency
     */
    public record Settings(URI target, double requestsPerSecond, int connections, Duration duration) {

        public Settings {
            if (requestsPerSecond <= 0 || connections < 1) {
                throw new IllegalArgumentException("need a positive rate and at least one connection");
            }
        }
    }

    private FixedRateLoad() {
    }

    /**
     * Runs for the settings' duration and stops then, even if behind schedule; the achieved rate shows a
     * shortfall.
     *
     * @param bodies the body source of each connection, by connection index; used by that connection's thread only
     */
    public static FixedRateResult run(Settings settings, IntFunction<Supplier<byte[]>> bodies) throws InterruptedException {
        long interval = Math.round(settings.connections() * 1e9 / settings.requestsPerSecond());
        long start = System.nanoTime() + START_DELAY_NANOS;
        long end = start + settings.duration().toNanos();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            Connection connection = new Connection(settings.target(), bodies.apply(i),
                    start + interval * i / settings.connections(), interval, end);
            connection.thread.start();
            connections.add(connection);
        }
        Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        long requests = 0;
        long non2xx = 0;
        long ioErrors = 0;
        for (Connection connection : connections) {
            connection.thread.join();
            latencies.add(connection.latencies);
            requests += connection.requests;
            non2xx += connection.non2xx;
            ioErrors += connection.ioErrors;
        }
        return new FixedRateResult(settings.requestsPerSecond(), requests, non2xx, ioErrors, settings.duration(), latencies);
    }

    /** One connection's schedule, run on its own thread; its counters are read only after the thread ended. */
    private static final class Connection {
        private final URI target;
        private final Supplier<byte[]> bodies;
        private final long first;
        private final long interval;
        private final long end;
        private final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        private final Thread thread = new Thread(this::drive, "fixed-rate");
        private long requests;
        private long non2xx;
        private long ioErrors;

        Connection(URI target, Supplier<byte[]> bodies, long first, long interval, long end) {
            this.target = target;
            this.bodies = bodies;
            this.first = first;
            this.interval = interval;
            this.end = end;
        }

        private void drive() {
            HttpConnection http = null;
            for (long intended = first; intended < end && System.nanoTime() < end; intended += interval) {
                for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                byte[] body = bodies.get();
                try {
                    if (http == null) {
                        http = HttpConnection.open(target);
                    }
                    if (http.post(body) / 100 != 2) {
                        non2xx++;
                    }
                    if (http.closedByServer()) {
                        http = close(http);
                    }
                } catch (IOException e) {
                    ioErrors++;
                    http = close(http);
                }
                latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - intended) / 1000));
                requests++;
            }
            close(http);
        }

        private static HttpConnection close(HttpConnection http) {
            if (http != null) {
                try {
                    http.close();
                } catch (IOException e) {
                    // closing a socket we are done with; nothing to recover
                }
            }
            return null;
        }
    }
}
