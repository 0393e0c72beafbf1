package io.kubezen.watcher.bench;

import io.kubezen.watcher.bench.probe.JfrRecording;
import io.kubezen.watcher.bench.probe.MachineIdle;
import io.kubezen.watcher.bench.probe.RedisCpu;
import io.kubezen.watcher.bench.report.Figure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a scenario works with: the pieces under test, the run plan, and the figures of earlier scenarios. */
public final class BenchContext implements AutoCloseable {

    private final BenchOptions options;
    private final List<RedisClient> redisClients = new ArrayList<>();
    /** One connection per Redis server: the one server, or every master of a Cluster. */
    private final List<StatefulRedisConnection<String, String>> redisNodes = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private int nonces;

    public BenchContext(BenchOptions options) {
        this.options = options;
        for (String uri : options.redisUris()) {
            RedisClient client = RedisClient.create(uri);
            redisClients.add(client);
            redisNodes.add(client.connect());
        }
    }

    public BenchOptions options() {
        return options;
    }

    public RunPlan plan() {
        return options.plan();
    }

    public URI ingester(String source) {
        return options.ingester().resolve("/ingest/" + source);
    }

    public URI ceiling(String source) {
        return options.ceiling().resolve("/ingest/" + source);
    }

    public Path resultFile(String name) {
        return options.resultsDir().resolve(name);
    }

    public Path benchFile(String relative) {
        return options.benchDir().resolve(relative);
    }

    /** Tells runs apart in event ids, so that no run repeats an event of another by accident. */
    public String nonce() {
        return "n" + ProcessHandle.current().pid() + "x" + (++nonces);
    }

    /** The Redis server, or the first master of a Cluster. */
    public String redisUri() {
        return options.redisUris().get(0);
    }

    /**
     * Empties Redis before a run. Nothing consumes the queue during the benchmark, so without this every run
     * would start with a longer stream than the last, and the queue's capacity would end a long run with 503s.
     */
    public void resetRedis() {
        redisNodes.forEach(node -> node.sync().flushall());
    }

    /** CPU time Redis has used since it started, in seconds: on a Cluster, the sum over its masters. */
    public double redisCpuSeconds() {
        return redisNodes.stream().mapToDouble(node -> RedisCpu.seconds(node.sync().info("cpu"))).sum();
    }

    public Optional<Figure> figure(String scenario, String metric) {
        return figures.stream().filter(f -> f.scenario().equals(scenario) && f.metric().equals(metric)).findFirst();
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    void add(List<Figure> measured) {
        figures.addAll(measured);
    }

    /**
     * A warm-up, then the plan's runs, each on an empty Redis; returns the runs' results. Redis's own account of
     * the measured runs (calls and microseconds per command, its CPU time) goes to {@code <scenario>-redis.txt}.
     */
    public <T> List<T> repeat(String scenario, Run<T> run) throws Exception {
        return repeat(scenario, plan(), run, false);
    }

    /** As {@link #repeat(String, Run)} with a plan of the scenario's own. */
    public <T> List<T> repeat(String scenario, RunPlan own, Run<T> run) throws Exception {
        return repeat(scenario, own, run, false);
    }

    /** As {@link #repeat}; with {@code --profile}, a JFR recording of the ingester covers the measured runs. */
    public <T> List<T> repeatProfilingIngester(String scenario, Run<T> run) throws Exception {
        return repeat(scenario, plan(), run, options.profile());
    }

    private <T> List<T> repeat(String scenario, RunPlan plan, Run<T> run, boolean profile) throws Exception {
        resetRedis();
        awaitIdle(scenario + "-warm-up");
        run.run(plan.warmUp(), scenario + "-warm-up");
        redisNodes.forEach(node -> node.sync().configResetstat());
        JfrRecording recording = profile
                ? JfrRecording.start(options.ingesterPid(), "zen-bench-" + scenario, resultFile("jcmd.log"))
                : null;
        List<T> results = new ArrayList<>();
        for (int i = 1; i <= plan.runs(); i++) {
            resetRedis();
            awaitIdle(scenario + "-run-" + i);
            results.add(run.run(plan.duration(), scenario + "-run-" + i));
        }
        if (recording != null) {
            recording.stopAndSummarise(resultFile(scenario + ".jfr"), resultFile(scenario + "-profile.txt"));
        }
        StringBuilder account = new StringBuilder();
        for (int i = 0; i < redisNodes.size(); i++) {
            account.append("# ").append(options.redisUris().get(i)).append('\n')
                    .append(redisNodes.get(i).sync().info("commandstats")).append(redisNodes.get(i).sync().info("cpu"));
        }
        Files.writeString(resultFile(scenario + "-redis.txt"), account);
        return results;
    }

    /** With {@code --idle}, waits for an idle machine before the run {@code label}, and says how idle it found it. */
    private void awaitIdle(String label) throws IOException, InterruptedException {
        if (options.idlePercent() > 0) {
            int idle = MachineIdle.await(options.idlePercent(), BenchOptions.IDLE_PATIENCE);
            System.out.println(label + ": the CPUs were " + idle + " % idle over the last second");
        }
    }

    @Override
    public void close() {
        redisNodes.forEach(StatefulRedisConnection::close);
        redisClients.forEach(RedisClient::shutdown);
    }

    /** One timed piece of load; {@code label} names its log files. */
    @FunctionalInterface
    public interface Run<T> {
        T run(Duration duration, String label) throws Exception;
    }
}
