package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.ExternalCommand;
import io.kubezen.watcher.bench.RunPlan;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start through {@code bench/cold-start.sh}: from process start to the first 202 of a Falco event, which is
 * what a Knative scale-from-zero waits for. In rounds, each starting in turn the bare Micronaut endpoint (the HTTP
 * floor), the same endpoint with the libraries a receiver needs for its first answer ({@code floor}: Lettuce, a Jackson
 * tree, a Prometheus registry), the receiver in Redis mode started plainly ({@code java -jar}), and the receiver as
 * the image starts it (its JVM, flags and archive): ratios are taken within each round, so a change in the machine's
 * load falls on both sides of them.
 */
public final class ColdStartScenario implements Scenario {

    static final String NAME = "cold-start";
    static final String BARE = "bare";
    static final String FLOOR = "floor";
    static final String RECEIVER = "receiver";
    static final String IMAGE = "image";
    private static final Pattern RUN = Pattern.compile(
            "^(\\w+) run \\d+: (\\d+) ms, cpu (\\d+) ms \\(jit \\d+ ms, main thread \\d+ ms\\), rss \\d+ MB, poller \\d+ ms$",
            Pattern.MULTILINE);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int rounds = context.plan().equals(RunPlan.QUICK) ? 1 : 5;
        List<String> command = List.of("bash", context.benchFile("cold-start.sh").toString(), Integer.toString(rounds),
                BARE, FLOOR, RECEIVER, IMAGE);
        Map<String, String> environment = new HashMap<>(Map.of("COLD_START_PORT", Integer.toString(freePort())));
        if (context.options().idlePercent() > 0) {
            environment.put("COLD_START_IDLE", Integer.toString(context.options().idlePercent()));
        }
        String output = ExternalCommand.run(command, environment, TIMEOUT, context.resultFile(NAME + ".log"));
        return figures(starts(output));
    }

    static List<Figure> figures(Map<String, Starts> starts) {
        Starts bare = starts.get(BARE);
        Starts floor = starts.get(FLOOR);
        Starts receiver = starts.get(RECEIVER);
        Starts image = starts.get(IMAGE);
        return List.of(
                Figure.of(NAME, "bare endpoint, java -cp: first 202", "ms", bare.wallMillis()),
                Figure.of(NAME, "receiver, Redis mode, java -jar: first 202", "ms", receiver.wallMillis()),
                Figure.of(NAME, "receiver / bare endpoint, java -jar", "ratio", ratios(receiver.wallMillis(), bare.wallMillis()))
                        .withGoal(Goal.atMost(1.25)),
                Figure.of(NAME, "library floor / bare endpoint, java -cp", "ratio",
                        ratios(floor.wallMillis(), bare.wallMillis())),
                Figure.of(NAME, "receiver / library floor", "ratio", ratios(receiver.wallMillis(), floor.wallMillis())),
                Figure.of(NAME, "receiver as the image starts it: first 202", "ms", image.wallMillis())
                        .withGoal(Goal.atMost(1_000)),
                Figure.of(NAME, "bare endpoint: CPU to first 202", "ms", bare.cpuMillis()),
                Figure.of(NAME, "receiver, java -jar: CPU to first 202", "ms", receiver.cpuMillis()),
                Figure.of(NAME, "receiver as the image: CPU to first 202", "ms", image.cpuMillis()));
    }

    /** The starts of each configuration, in the order cold-start.sh printed them. */
    static Map<String, Starts> starts(String output) {
        Map<String, Starts> starts = new LinkedHashMap<>();
        Matcher run = RUN.matcher(output);
        while (run.find()) {
            Starts of = starts.computeIfAbsent(run.group(1), name -> new Starts(new ArrayList<>(), new ArrayList<>()));
            of.wallMillis().add(Double.parseDouble(run.group(2)));
            of.cpuMillis().add(Double.parseDouble(run.group(3)));
        }
        for (String configuration : List.of(BARE, FLOOR, RECEIVER, IMAGE)) {
            if (!starts.containsKey(configuration)) {
                throw new IllegalArgumentException("cold-start.sh printed no start of " + configuration + ":\n" + output);
            }
        }
        return starts;
    }

    /** Round by round: the i-th start of one configuration against the i-th of the other. */
    static List<Double> ratios(List<Double> numerators, List<Double> denominators) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(numerators.size(), denominators.size()); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return ratios;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One configuration's starts: wall time and the process's CPU time, each up to the first 202. */
    record Starts(List<Double> wallMillis, List<Double> cpuMillis) {
    }
}
