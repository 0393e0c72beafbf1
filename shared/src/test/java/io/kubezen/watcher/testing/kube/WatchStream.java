package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Serves one watch as the API server does: HTTP 200 with a chunked body of newline-delimited
 * {@code {"type":...,"object":...}} events, BOOKMARKs when asked for, and the end of the body when
 * {@code timeoutSeconds} runs out, the watch is closed or the client goes away (noticed at the next write).
 */
final class WatchStream {

    /** Stands in for "never", far enough away and small enough that nanoTime arithmetic cannot overflow. */
    private static final long NEVER_NANOS = Duration.ofDays(365).toNanos();

    private final Duration bookmarkInterval;
    private final Object lock = new Object();
    private int serving;

    WatchStream(Duration bookmarkInterval) {
        this.bookmarkInterval = bookmarkInterval;
    }

    void serve(HttpExchange exchange, Subscription subscription, ListOptions options) throws IOException {
        synchronized (lock) {
            serving++;
        }
        try {
            stream(exchange, subscription, options);
        } finally {
            synchronized (lock) {
                serving--;
                lock.notifyAll();
            }
        }
    }

    /** Waits until every watch response has ended, so a stopping server ends them cleanly rather than cutting them. */
    void awaitAllEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (serving > 0 && deadline - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
            }
        }
    }

    private void stream(HttpExchange exchange, Subscription subscription, ListOptions options) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        long now = System.nanoTime();
        long deadline = now + (options.timeoutSeconds() == null ? NEVER_NANOS
                : Duration.ofSeconds(options.timeoutSeconds()).toNanos());
        long interval = options.allowWatchBookmarks() ? bookmarkInterval.toNanos() : NEVER_NANOS;
        long nextBookmark = now + interval;
        try (subscription; OutputStream out = exchange.getResponseBody()) {
            while (!subscription.isClosed()) {
                now = System.nanoTime();
                if (now - deadline >= 0) {
                    return;
                }
                if (now - nextBookmark >= 0) {
                    long version = subscription.bookmarkVersion();
                    if (version >= 0) {
                        write(out, "BOOKMARK", bookmark(subscription.filter().type(), version));
                    }
                    nextBookmark = now + interval;
                }
                WatchEvent event = subscription.poll(Math.min(deadline - now, nextBookmark - now));
                if (event != null) {
                    write(out, event.type().name(), event.object());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A watch from a version the history no longer has: the real server answers 200 and one ERROR event with a
     * 410 Expired Status, which makes informers relist.
     */
    static void serveError(HttpExchange exchange, ApiError error) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "ERROR", error.status());
        }
    }

    static ObjectNode bookmark(ResourceType type, long resourceVersion) {
        ObjectNode object = Json.object().put("kind", type.kind()).put("apiVersion", type.apiVersion());
        object.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        return object;
    }

    private static void write(OutputStream out, String type, ObjectNode object) throws IOException {
        ObjectNode event = Json.object().put("type", type);
        event.set("object", object);
        out.write(Json.bytes(event));
        out.write("\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
