package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.dedup.DedupStoreLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.redis.RedisDedupStore;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Both dedup stores on their own, in this JVM, without HTTP: events recorded per second with one event per
 * call (a Falco request) and 100 per call (an audit batch, pipelined to Redis), by 8 concurrent callers.
 */
public final class DedupStoreScenario implements Scenario {

    static final String NAME = "dedup-store";
    static final int THREADS = 8;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** A loop in this JVM settles in seconds: a quarter of the HTTP scenarios' durations (5 s runs in full). */
    static final double DURATION_FACTOR = 0.25;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (RedisConnector redis = RedisConnector.create(RedisConnectionOptions.of(context.redisUri()))) {
            for (int batch : List.of(1, 100)) {
                DedupStore memory = new InMemoryDedupStore(Clock.systemUTC(), InMemoryDedupStore.DEFAULT_MAX_ENTRIES, DedupStore.DEFAULT_STATUS_INTERVAL);
                figures.add(measure(context, "in-memory", memory, batch));
                figures.add(measure(context, "redis", new RedisDedupStore(redis, Clock.systemUTC(), DedupStore.DEFAULT_STATUS_INTERVAL), batch));
            }
        }
        return figures;
    }

    private static Figure measure(BenchContext context, String store, DedupStore dedup, int batch) throws Exception {
        DedupStoreLoad.Settings settings = new DedupStoreLoad.Settings(THREADS, batch, IngestRun.DISTINCT_EVENTS, WINDOW);
        String label = store + "-batch-" + batch;
        List<DedupStoreLoad.Result> runs = context.repeat(NAME + "-" + label, context.plan().scaled(DURATION_FACTOR),
                (duration, ignored) -> DedupStoreLoad.run(dedup, settings, duration, context.nonce()));
        return Figure.of(NAME, store + ", " + batch + " per call", "events/s",
                runs.stream().map(DedupStoreLoad.Result::eventsPerSecond).toList());
    }
}
