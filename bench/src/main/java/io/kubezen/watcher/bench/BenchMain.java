package io.kubezen.watcher.bench;

import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.ResultTable;
import io.kubezen.watcher.bench.scenario.Scenario;
import io.kubezen.watcher.bench.scenario.ScenarioRegistry;
import io.kubezen.watcher.bench.scenario.ScenarioSkipped;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the registered scenarios against the pieces {@code bench/run.sh} started, prints the table and writes
 * it to the results directory. A missed goal is a finding, not a failure: the exit code is 0 unless the
 * harness itself could not measure.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.resultsDir());
        List<String> skipped = new ArrayList<>();
        List<Figure> figures;
        try (BenchContext context = new BenchContext(options)) {
            for (Scenario scenario : ScenarioRegistry.load().select(options.only())) {
                System.out.println("== " + scenario.name());
                try {
                    List<Figure> measured = scenario.run(context);
                    context.add(measured);
                    System.out.print(new ResultTable(measured).text());
                } catch (ScenarioSkipped e) {
                    skipped.add(scenario.name() + ": skipped, " + e.getMessage());
                    System.out.println(skipped.get(skipped.size() - 1));
                }
            }
            figures = context.figures();
        }
        String report = new ResultTable(figures).text() + String.join("\n", skipped) + (skipped.isEmpty() ? "" : "\n");
        System.out.println();
        System.out.print(report);
        Files.writeString(options.resultsDir().resolve("results.txt"), report);
        Files.writeString(options.resultsDir().resolve("results.tsv"), new ResultTable(figures).tsv());
    }
}
