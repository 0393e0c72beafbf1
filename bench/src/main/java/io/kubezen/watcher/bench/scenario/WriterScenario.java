package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.List;

/**
 * The writer unthrottled: a queue of Observations drained by one writer process into the test API server, with a
 * QPS budget far above what it can use. Each run starts a fresh writer and API server on a pre-filled queue.
 */
public final class WriterScenario implements Scenario {

    static final String NAME = "writer";
    static final int UNLIMITED_QPS = 1_000_000;
    static final int UNLIMITED_BURST = 1_000;
    static final int GOAL = 1_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        // Half the plan's run duration at the goal's rate: 10,000 entries in the full plan, 2,500 in the quick one.
        int entries = (int) (context.plan().duration().toSeconds() * GOAL / 2);
        WriterRuns runs = WriterRuns.run(context, NAME, entries, UNLIMITED_QPS, UNLIMITED_BURST);
        return List.of(Figure.of(NAME, "Observations/s, unthrottled", "1/s", runs.observationsPerSecond())
                        .withGoal(Goal.atLeast(GOAL)),
                Figure.of(NAME, "API writes/s (create + status), unthrottled", "1/s", runs.apiWritesPerSecond()));
    }
}
