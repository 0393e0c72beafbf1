package io.kubezen.watcher.bench.bare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a receiver cannot answer its first event without, done the cheapest way each library allows, so that a cold
 * start of the bare endpoint with it shows the libraries' own share of a receiver's start. Each part is optional:
 * {@code redis} connects with Lettuce on a thread of its own from the start (as the receiver's projection reload
 * does) and writes each event to a stream before answering; {@code json} reads each event into a Jackson
 * {@link JsonNode} tree; {@code metrics} builds a Prometheus registry at start and counts each event in it.
 */
final class LibraryFloor {

    static final Set<String> PARTS = Set.of("redis", "json", "metrics");

    private final CompletableFuture<StatefulRedisConnection<String, String>> redis;
    private final ObjectMapper json;
    private final Counter events;

    private LibraryFloor(CompletableFuture<StatefulRedisConnection<String, String>> redis, ObjectMapper json,
            Counter events) {
        this.redis = redis;
        this.json = json;
        this.events = events;
    }

    /** Starts the parts named; the Redis connection is under way, not made, when this returns. */
    static LibraryFloor start(Set<String> parts, String redisUri) {
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("unknown parts " + parts + "; known: " + PARTS);
        }
        CompletableFuture<StatefulRedisConnection<String, String>> redis = null;
        if (parts.contains("redis")) {
            if (redisUri == null) {
                throw new IllegalArgumentException("the redis part needs ZEN_WATCHER_REDIS_URI");
            }
            redis = CompletableFuture.supplyAsync(() -> RedisClient.create(redisUri).connect(),
                    task -> new Thread(task, "floor-redis-connect").start());
        }
        ObjectMapper json = parts.contains("json") ? new ObjectMapper() : null;
        Counter events = parts.contains("metrics")
                ? Counter.builder("floor.events").register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                : null;
        return new LibraryFloor(redis, json, events);
    }

    /** Completes once the event went through every part started. */
    CompletionStage<Void> accept(byte[] body) {
        if (json != null) {
            try {
                json.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (events != null) {
            events.increment();
        }
        if (redis == null) {
            return CompletableFuture.completedFuture(null);
        }
        String event = new String(body, StandardCharsets.UTF_8);
        return redis.thenCompose(connection -> connection.async().xadd("floor", Map.of("event", event)))
                .thenApply(id -> null);
    }
}
