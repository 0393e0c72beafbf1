package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.List;

/**
 * The writer throttled to a QPS budget well below what it can do: how much of the budget it turns into
 * Observations, once its burst is spent. Less than all of it means time lost between the throttle and the writes.
 */
public final class WriterThrottledScenario implements Scenario {

    static final String NAME = "writer-throttled";
    static final int QPS = 200;
    static final int BURST = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        // The plan's run duration at the budget, two writes per Observation (create and status): 2,000 entries in
        // the full plan, 500 in the quick one.
        int entries = (int) (context.plan().duration().toSeconds() * QPS / 2);
        WriterRuns runs = WriterRuns.run(context, NAME, entries, QPS, BURST);
        List<Double> writes = runs.apiWritesPerSecond();
        return List.of(
                Figure.of(NAME, "Observations/s at a " + QPS + " QPS budget", "1/s", runs.observationsPerSecond()),
                Figure.of(NAME, "API writes/s (create + status)", "1/s", writes),
                Figure.of(NAME, "share of the QPS budget", "%", writes.stream().map(rate -> rate / QPS * 100).toList())
                        .withGoal(Goal.atLeast(95)));
    }
}
