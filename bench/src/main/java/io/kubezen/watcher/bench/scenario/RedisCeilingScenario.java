package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.RunPlan;
import io.kubezen.watcher.bench.redis.RedisBenchmark;
import io.kubezen.watcher.bench.report.Figure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark's Redis (AOF on) answers by itself: plain {@code SET}, and {@code EVALSHA} of the admission
 * script for one Falco event (its dedup record and its shard's stream), which is what a single-event request costs
 * Redis. The record is one of {@link IngestRun#DISTINCT_EVENTS}, so the first calls append the Observation and the
 * later ones mostly find a duplicate. With the dedup-store figures, it tells whether Redis or our client side limits
 * a scenario.
 */
public final class RedisCeilingScenario implements Scenario {

    static final String NAME = "redis-ceiling";
    static final int CLIENTS = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        if (!RedisBenchmark.installed()) {
            throw new ScenarioSkipped("redis-benchmark is not on the PATH (Debian: apt-get install redis-tools)");
        }
        int requests = context.plan().equals(RunPlan.QUICK) ? 20_000 : 200_000;
        RedisBenchmark benchmark = new RedisBenchmark(URI.create(context.redisUri()), CLIENTS,
                context.resultFile(NAME + ".log"));
        long now = System.currentTimeMillis();
        String observation = Files.readString(context.benchFile("payloads/falco-observation.json")).strip();
        // KEYS: the shard's stream, the event's record; ARGV: capacity, status interval ms, then for the one stream
        // one request of one event: its event count, now (ms and ISO-8601), then the event's end of window, record
        // lifetime, namespace and Observation.
        List<String> admission = List.of("evalsha", loadAdmissionScript(context), "2", "zw:{s0}:observations",
                "zw:{s0}:dedup:falco:fp-__rand_int__", "1000000000", "30000", "1", "1", Long.toString(now),
                Instant.ofEpochMilli(now).toString(), Long.toString(now + 300_000), "360000", "payments", observation);
        List<Double> sets = new ArrayList<>();
        List<Double> scripts = new ArrayList<>();
        for (int i = 0; i < context.plan().runs(); i++) {
            context.resetRedis();
            sets.add(benchmark.builtIn("set", requests));
            scripts.add(benchmark.command(admission, IngestRun.DISTINCT_EVENTS, requests));
        }
        return List.of(Figure.of(NAME, "SET, " + CLIENTS + " clients", "1/s", sets),
                Figure.of(NAME, "EVALSHA admission script, " + CLIENTS + " clients", "1/s", scripts));
    }

    /** SCRIPT LOAD survives the FLUSHALL between runs: flushing drops keys, not the script cache. */
    private static String loadAdmissionScript(BenchContext context) throws Exception {
        RedisClient client = RedisClient.create(context.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return RedisAdmissionStore.admissionScript().load(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
