package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.load.PayloadTemplate;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.ResultTable;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.RedisServerOptions;
import io.kubezen.watcher.testing.redis.RedisServers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reliability suite that {@code bench/reliability.sh} runs: each scenario in a fresh {@link Cluster} (its own
 * Redis with AOF, its own test API server, its own app processes), then one table. Unlike the benchmark, a missed
 * goal here is a failure: the exit code is 1 if anything was lost, duplicated, overlapped or late.
 */
public final class ReliabilityMain {

    static final List<ReliabilityScenario> SCENARIOS = List.of(new WriterKillScenario(), new IngesterKillScenario(),
            new RedisRestartScenario(), new WriterStopScenario(), new ReceiverStopScenario(),
            MasterFailoverScenario.sentinel(1), MasterFailoverScenario.sentinel(0),
            MasterFailoverScenario.clusterShard(1), MasterFailoverScenario.clusterShard(0),
            LeaderGcScenario.stopped(), LeaderGcScenario.killed());
    private static final List<String> APP_JAVA_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

    private ReliabilityMain() {
    }

    public static void main(String[] args) throws Exception {
        ReliabilityOptions options = ReliabilityOptions.parse(args);
        Files.createDirectories(options.resultsDir());
        PayloadTemplate payload = PayloadTemplate.read(options.payload(), Optional.empty());
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        AtomicReference<Apps> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopApps(running.get()), "reliability-apps-shutdown"));
        for (ReliabilityScenario scenario : select(options.only())) {
            System.out.println("== " + scenario.name());
            Path logs = Files.createDirectories(options.resultsDir().resolve(scenario.name()));
            Apps apps = new Apps(options.ingesterJar(), options.controllerJar(), logs, APP_JAVA_OPTIONS);
            running.set(apps);
            try (RedisServerHandle redis = RedisServers.start(RedisServerOptions.APPEND_ONLY);
                 Cluster cluster = new Cluster(redis, apps, payload, Map.of())) {
                List<Figure> measured = scenario.run(cluster, options.plan());
                figures.addAll(measured);
                System.out.print(new ResultTable(measured).text());
            } catch (Exception e) {
                failures.add(scenario.name() + ": could not finish: " + e);
                System.out.println(failures.get(failures.size() - 1));
            }
        }
        figures.stream().filter(f -> f.goal().isPresent() && !f.goal().get().met(f.median()))
                .forEach(f -> failures.add(f.scenario() + ": " + f.metric() + " " + f.verdict()));
        String report = new ResultTable(figures).text() + (failures.isEmpty() ? "all goals met\n"
                : "FAILED:\n  " + String.join("\n  ", failures) + "\n");
        System.out.println();
        System.out.print(report);
        Files.writeString(options.resultsDir().resolve("results.txt"), report);
        Files.writeString(options.resultsDir().resolve("results.tsv"), new ResultTable(figures).tsv());
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** On SIGTERM (the script's exit trap) the scenario never unwinds, so its apps are stopped from here. */
    private static void stopApps(Apps apps) {
        if (apps == null) {
            return;
        }
        try {
            apps.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<ReliabilityScenario> select(Set<String> names) {
        List<String> known = SCENARIOS.stream().map(ReliabilityScenario::name).toList();
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenarios " + unknown + "; known: " + known);
        }
        return SCENARIOS.stream().filter(s -> names.isEmpty() || names.contains(s.name())).toList();
    }
}
