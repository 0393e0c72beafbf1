package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.RunPlan;
import io.kubezen.watcher.bench.redis.RedisBenchmark;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark's Redis (AOF on) answers by itself: plain {@code SET}, and {@code EVALSHA} of the dedup
 * script, which is what every accepted or duplicate event costs Redis. With the dedup-store figures, it tells
 * whether Redis or our client side limits a scenario.
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
        List<String> dedup = List.of("evalsha", loadDedupScript(context), "1", "zw:dedup:falco:fp-__rand_int__",
                Long.toString(now), "300000", "falco", "fp", Long.toString(now + 300_000), "360000",
                Long.toString(now + 30_000));
        List<Double> sets = new ArrayList<>();
        List<Double> scripts = new ArrayList<>();
        for (int i = 0; i < context.plan().runs(); i++) {
            context.resetRedis();
            sets.add(benchmark.builtIn("set", requests));
            scripts.add(benchmark.command(dedup, IngestRun.DISTINCT_EVENTS, requests));
        }
        return List.of(Figure.of(NAME, "SET, " + CLIENTS + " clients", "1/s", sets),
                Figure.of(NAME, "EVALSHA dedup script, " + CLIENTS + " clients", "1/s", scripts));
    }

    /** SCRIPT LOAD survives the FLUSHALL between runs: flushing drops keys, not the script cache. */
    private static String loadDedupScript(BenchContext context) throws Exception {
        RedisClient client = RedisClient.create(context.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return RedisDedupStore.recordScript().load(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
