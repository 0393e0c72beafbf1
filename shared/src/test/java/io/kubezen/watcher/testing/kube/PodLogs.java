package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's part of {@code GET /api/v1/namespaces/{ns}/pods/{name}/log}, which a real API server proxies: the
 * container's lines as tests wrote them, with {@code container}, {@code timestamps} (RFC 3339 with nanoseconds, as
 * the kubelet writes them), {@code sinceTime} (lines at or after it) and {@code follow} (the response stays open
 * and carries new lines until the stream is ended, the container's status says it terminated, the pod is deleted
 * or the server stops). Lines are not kept
 * per container run: a test models a restart as an end of the streams.
 */
final class PodLogs {

    /** How often an open follow looks whether its pod is gone or the server stops, between new lines. */
    private static final Duration CHECK = Duration.ofMillis(50);

    private final ObjectStore store;
    private final Object lock = new Object();
    private final Map<String, Log> logs = new HashMap<>();
    private int serving;
    private boolean stopping;

    PodLogs(ObjectStore store) {
        this.store = store;
    }

    void append(String namespace, String pod, String container, Instant time, String line) {
        synchronized (lock) {
            logs.computeIfAbsent(key(namespace, pod, container), k -> new Log()).lines.add(new Line(time, line));
            lock.notifyAll();
        }
    }

    /** Ends the open follows of one container, as a dropped connection or a kubelet restart does. */
    void endStreams(String namespace, String pod, String container) {
        synchronized (lock) {
            logs.computeIfAbsent(key(namespace, pod, container), k -> new Log()).generation++;
            lock.notifyAll();
        }
    }

    void serve(HttpExchange exchange, ApiRequest request) throws IOException {
        ObjectNode pod = store.get(ResourceRegistry.PODS, request.namespace(), request.name());
        if (pod == null) {
            throw ApiError.notFound(ResourceRegistry.PODS, request.name());
        }
        String container = container(pod, request.query().get("container"));
        Instant since = sinceTime(request.query().get("sinceTime"));
        boolean timestamps = "true".equals(request.query().get("timestamps"));
        boolean follow = "true".equals(request.query().get("follow"));
        synchronized (lock) {
            if (stopping) {
                throw ApiError.badRequest("the server is stopping");
            }
            serving++;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            stream(out, request, container, since, timestamps, follow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                serving--;
                lock.notifyAll();
            }
        }
    }

    /** Ends every follow and waits until their responses ended. */
    void stop(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
            while (serving > 0 && deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
            }
        }
    }

    private void stream(OutputStream out, ApiRequest request, String container, Instant since, boolean timestamps,
                        boolean follow) throws IOException, InterruptedException {
        String key = key(request.namespace(), request.name(), container);
        int next = 0;
        long generation;
        synchronized (lock) {
            generation = logs.computeIfAbsent(key, k -> new Log()).generation;
        }
        while (true) {
            List<Line> batch;
            synchronized (lock) {
                Log log = logs.get(key);
                while (follow && next == log.lines.size() && log.generation == generation && !stopping
                        && runs(request, container)) {
                    TimeUnit.NANOSECONDS.timedWait(lock, CHECK.toNanos());
                }
                if (log.generation != generation) {
                    // Ended: what was not sent yet is for the next stream, as after a dropped connection.
                    return;
                }
                batch = new ArrayList<>(log.lines.subList(next, log.lines.size()));
                next = log.lines.size();
                if (batch.isEmpty()) {
                    return;
                }
            }
            for (Line line : batch) {
                if (since == null || !line.time().isBefore(since)) {
                    String text = timestamps ? rfc3339Nano(line.time()) + " " + line.text() : line.text();
                    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
            if (!follow) {
                return;
            }
        }
    }

    /**
     * Whether a follow of the container waits for more: while its pod exists and its status does not say it
     * terminated, as the kubelet ends a follow when the container stops.
     */
    private boolean runs(ApiRequest request, String container) {
        ObjectNode pod = store.get(ResourceRegistry.PODS, request.namespace(), request.name());
        if (pod == null) {
            return false;
        }
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (container.equals(status.path("name").asText()) && status.path("state").has("terminated")) {
                return false;
            }
        }
        return true;
    }

    /** The kubelet's rule: the named container, or the only one; a pod of several needs a name. */
    private static String container(ObjectNode pod, String requested) {
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        if (requested != null && !requested.isEmpty()) {
            if (!names.contains(requested)) {
                throw ApiError.badRequest("container " + requested + " is not valid for pod "
                        + pod.path("metadata").path("name").asText());
            }
            return requested;
        }
        if (names.size() != 1) {
            throw ApiError.badRequest("a container name must be specified for pod "
                    + pod.path("metadata").path("name").asText() + ", choose one of: " + names);
        }
        return names.get(0);
    }

    private static Instant sinceTime(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw ApiError.badRequest("sinceTime: invalid RFC 3339 time " + value);
        }
    }

    /** Go's RFC3339Nano, as the kubelet prefixes lines: nanoseconds without trailing zeros. */
    static String rfc3339Nano(Instant time) {
        String seconds = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(time.getEpochSecond()));
        if (time.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
    }

    static boolean isLogRequest(String method, ApiRequest request) {
        return "GET".equals(method) && "log".equals(request.subresource());
    }

    private static String key(String namespace, String pod, String container) {
        return namespace + "/" + pod + "/" + container;
    }

    private record Line(Instant time, String text) {
    }

    private static final class Log {
        private final List<Line> lines = new ArrayList<>();
        private long generation;
    }
}
