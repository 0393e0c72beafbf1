package io.kubezen.watcher.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code bench/run.sh} tells the harness about the pieces it started. Every address is a loopback one
 * that the script chose; the harness starts no servers of its own.
 *
 * @param ingester    base URL of the ingester under test (Redis mode)
 * @param ceiling     base URL of the bare Micronaut endpoint
 * @param redisUris   the Redis server, or every master of a Cluster ({@code --redis} lists them separated by commas)
 * @param ingesterPid for its resident memory and, with {@code profile}, a JFR recording
 * @param benchDir    the {@code bench/} directory: wrk script, payload templates, cold-start script
 * @param only        scenario names to run; empty: all of them
 * @param ingesterJar the packaged ingester, which the writer scenarios start in the writer role
 * @param idlePercent with more than 0, each run starts only once the CPUs were at least this idle over a second
 *                    (or after {@link #IDLE_PATIENCE}), so that runs fall between the bursts of other work on a
 *                    shared machine
 */
public record BenchOptions(URI ingester, URI ceiling, List<String> redisUris, long ingesterPid, Path resultsDir,
                           Path benchDir, RunPlan plan, boolean profile, Set<String> only, Path ingesterJar,
                           int idlePercent) {

    /** How long a run waits for an idle machine before it starts anyway. */
    public static final Duration IDLE_PATIENCE = Duration.ofMinutes(2);

    private static final Set<String> FLAGS = Set.of("--quick", "--profile");
    private static final List<String> REQUIRED = List.of("--ingester", "--ceiling", "--redis", "--ingester-pid", "--results");

    public static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + usage());
            }
        }
        for (String name : REQUIRED) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("missing " + name + "; " + usage());
            }
        }
        String only = values.getOrDefault("--only", "");
        int idle = Integer.parseInt(values.getOrDefault("--idle", "0"));
        if (idle < 0 || idle > 100) {
            throw new IllegalArgumentException("--idle is a percentage from 0 to 100, not " + idle + "; " + usage());
        }
        return new BenchOptions(URI.create(values.get("--ingester")), URI.create(values.get("--ceiling")),
                List.of(values.get("--redis").split(",")), Long.parseLong(values.get("--ingester-pid")),
                Path.of(values.get("--results")),
                Path.of(values.getOrDefault("--bench-dir", "bench")),
                flags.contains("--quick") ? RunPlan.QUICK : RunPlan.FULL, flags.contains("--profile"),
                only.isBlank() ? Set.of() : Set.of(only.split(",")),
                Path.of(values.getOrDefault("--ingester-jar", "ingester/target/zen-watcher-ingester.jar")), idle);
    }

    static String usage() {
        return "usage: BenchMain --ingester URL --ceiling URL --redis URI[,URI...] --ingester-pid PID --results DIR "
                + "[--bench-dir DIR] [--ingester-jar JAR] [--quick] [--profile] [--only scenario,...] [--idle PERCENT]";
    }
}
