package io.kubezen.watcher.system.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.system.apps.BuildFiles;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of an ingester process under concurrent load: every event it acknowledged with 202 is in the stream. The ingester
 * runs as its own JVM from the packaged jar against a Redis with AOF.
 */
@WithRedis
class IngesterKillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Falco fixture of the shared test-jar. */
    private static final String FALCO_EVENT = resource("/fixtures/falco/http-output.json");
    private static final int SENDERS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedEventSurvivesAKillDashNine(@DedicatedRedis(appendOnly = true) RedisServerHandle redis)
            throws Exception {
        int port = freePort();
        Process ingester = new ProcessBuilder("java", "-Xmx192m", "-jar", BuildFiles.ingesterJar().toString(),
                "-micronaut.server.port=" + port, "-zen-watcher.roles=receiver",
                "-zen-watcher.redis.uri=" + redis.uri(),
                "-zen-watcher.receiver.allow-unauthenticated-builtins=true")
                .redirectErrorStream(true).redirectOutput(Path.of("target/ingester-kill-it.log").toFile()).start();
        try {
            URI ingest = URI.create("http://127.0.0.1:" + port + "/ingest/falco");
            Await.until("the ingester answers", Duration.ofSeconds(60), () -> post(ingest, 0) != null);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger(1);
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> {
                    while (ingester.isAlive()) {
                        String rule = post(ingest, next.getAndIncrement());
                        if (rule != null) {
                            acknowledged.add(rule);
                        }
                    }
                });
            }
            Await.until("300 events acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() >= 300);
            // SIGKILL while the senders keep requests in flight: those get no answer and count as not acknowledged.
            ingester.destroyForcibly();
            ingester.waitFor();
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            Set<String> queued = new HashSet<>();
            List<StreamMessage<String, String>> entries = QueueStreams.entries(redis.sync());
            for (StreamMessage<String, String> entry : entries) {
                queued.add(JSON.readTree(entry.getBody().get("observation")).at("/spec/details/rule").asText());
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(queued).containsAll(acknowledged);
        } finally {
            ingester.destroyForcibly();
        }
    }

    /** The rule of the event when the ingester acknowledged it as accepted, else null. */
    private String post(URI ingest, int n) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(falcoEvent(n))).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean accepted = response.statusCode() == 202 && JSON.readTree(response.body()).get("accepted").asInt() == 1;
            return accepted ? "Terminal shell " + n : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Falco event that differs from every other call's by its rule. */
    private static String falcoEvent(int n) {
        return FALCO_EVENT.replace("Terminal shell in container", "Terminal shell " + n);
    }

    private static String resource(String path) {
        try (InputStream in = IngesterKillIT.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
