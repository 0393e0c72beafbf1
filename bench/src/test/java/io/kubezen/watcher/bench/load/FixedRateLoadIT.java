package io.kubezen.watcher.bench.load;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generator against a loopback HTTP server whose answers and delays the test controls. */
class FixedRateLoadIT {

    private final AtomicInteger received = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsAtTheRequestedRateOverKeepAliveConnections() throws Exception {
        URI target = serve(202, 0);

        FixedRateResult result = FixedRateLoad.run(new FixedRateLoad.Settings(target, 400, 8, Duration.ofSeconds(2)),
                connection -> () -> ("{\"connection\":" + connection + "}").getBytes(StandardCharsets.UTF_8));

        assertThat(result.requests()).isCloseTo(800, within(40L));
        assertThat(received.get()).isEqualTo(result.requests());
        assertThat(result.errors()).isZero();
        assertThat(result.latencies().getTotalCount()).isEqualTo(result.requests());
    }

    @Test
    void countsLatencyFromTheIntendedSendTimeSoAStallDelaysEveryRequestBehindIt() throws Exception {
        URI target = serve(202, 50);

        // One connection asked for 50/s while each answer takes 50 ms: it falls ever further behind schedule.
        FixedRateResult result = FixedRateLoad.run(new FixedRateLoad.Settings(target, 50, 1, Duration.ofSeconds(1)),
                connection -> () -> new byte[] {'{', '}'});

        assertThat(result.achievedRate()).isLessThan(25);
        assertThat(result.percentileMillis(99)).isGreaterThan(result.percentileMillis(0) + 100);
    }

    @Test
    void countsAnswersThatAreNot2xx() throws Exception {
        URI target = serve(503, 0);

        FixedRateResult result = FixedRateLoad.run(new FixedRateLoad.Settings(target, 100, 2, Duration.ofMillis(500)),
                connection -> () -> new byte[] {'{', '}'});

        assertThat(result.requests()).isPositive();
        assertThat(result.non2xx()).isEqualTo(result.requests());
        assertThat(result.ioErrors()).isZero();
    }

    private URI serve(int status, long delayMillis) throws IOException {
        // Without it the JDK server sends head and body in two segments and Nagle holds the second for the ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ingest/falco", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // the server's slowness under test, not a wait in the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest/falco");
    }
}
