package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;
import io.kubezen.watcher.bench.writer.QueueDrain;

import java.util.ArrayList;
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
        List<Double> rates = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        for (int i = 1; i <= context.plan().runs(); i++) {
            QueueDrain.Drained drained = QueueDrain.run(context.redisUri(), context.options().ingesterJar(),
                    context.resultFile(""), NAME + "-run-" + i, entries, UNLIMITED_QPS, UNLIMITED_BURST);
            rates.add(drained.observationsPerSecond());
            writes.add(drained.apiWritesPerSecond());
        }
        return List.of(Figure.of(NAME, "Observations/s, unthrottled", "1/s", rates).withGoal(Goal.atLeast(GOAL)),
                Figure.of(NAME, "API writes/s (create + status), unthrottled", "1/s", writes));
    }
}
