package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;

import java.util.List;

/**
 * One thing the harness measures. Scenarios are registered in
 * {@code META-INF/services/io.kubezen.watcher.bench.scenario.Scenario} and run in the order listed there, so a
 * new one (the writer's, for example) is a class and a line, and may read the figures of those before it.
 */
public interface Scenario {

    /** The name in the table and for {@code --only}; lower-case words joined by dashes. */
    String name();

    /**
     * Drives its load and measures; called once per benchmark run, after every earlier scenario finished.
     *
     * @throws ScenarioSkipped when a tool it needs is missing; the other scenarios still run
     */
    List<Figure> run(BenchContext context) throws Exception;
}
