package io.kubezen.watcher.bench.reliability;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What {@code bench/reliability.sh} passes: where the jars and the payload are, where results go, and the plan. */
public record ReliabilityOptions(Path ingesterJar, Path controllerJar, Path payload, Path resultsDir,
                                 ReliabilityPlan plan, Set<String> only) {

    static ReliabilityOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if ("--quick".equals(args[i])) {
                quick = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; usage: ReliabilityMain "
                        + "--results DIR [--ingester-jar JAR] [--controller-jar JAR] [--payload FILE] [--quick] "
                        + "[--only scenario,...]");
            }
        }
        String only = values.getOrDefault("--only", "");
        return new ReliabilityOptions(
                Path.of(values.getOrDefault("--ingester-jar", "ingester/target/zen-watcher-ingester.jar")),
                Path.of(values.getOrDefault("--controller-jar", "controller/target/zen-watcher-controller.jar")),
                Path.of(values.getOrDefault("--payload", "bench/payloads/falco-event.json")),
                Path.of(values.getOrDefault("--results", "bench/results/reliability")),
                quick ? ReliabilityPlan.QUICK : ReliabilityPlan.FULL,
                only.isBlank() ? Set.of() : Set.of(only.split(",")));
    }
}
