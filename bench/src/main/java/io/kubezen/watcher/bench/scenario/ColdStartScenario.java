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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start through {@code bench/cold-start.sh}: from {@code java -jar} to the first 202 of a Falco event,
 * which is what a Knative scale-from-zero waits for. Once as a plain jar on the embedded default, and once
 * as the image starts in production: in Redis mode, with the class-data archive, held to the goal.
 */
public final class ColdStartScenario implements Scenario {

    static final String NAME = "cold-start";
    private static final Pattern RUN = Pattern.compile("^run \\d+: (\\d+) ms$", Pattern.MULTILINE);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Goal GOAL = Goal.atMost(1_000);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int runs = context.plan().equals(RunPlan.QUICK) ? 1 : 5;
        return List.of(
                Figure.of(NAME, "first 202 after process start", "ms", coldStart(context, runs, "plain")),
                Figure.of(NAME, "first 202, Redis mode, AppCDS", "ms",
                        coldStart(context, runs, "redis-cds", "--redis", "--cds")).withGoal(GOAL));
    }

    private static List<Double> coldStart(BenchContext context, int runs, String label, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", context.benchFile("cold-start.sh").toString()));
        command.addAll(List.of(options));
        command.add(Integer.toString(runs));
        String output = ExternalCommand.run(command, Map.of("COLD_START_PORT", Integer.toString(freePort())), TIMEOUT,
                context.resultFile(NAME + "-" + label + ".log"));
        return times(output);
    }

    static List<Double> times(String output) {
        List<Double> times = new ArrayList<>();
        Matcher run = RUN.matcher(output);
        while (run.find()) {
            times.add(Double.parseDouble(run.group(1)));
        }
        if (times.isEmpty()) {
            throw new IllegalArgumentException("cold-start.sh printed no run times:\n" + output);
        }
        return times;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
