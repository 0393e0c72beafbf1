package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.writer.QueueDrain;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's runs of a writer scenario, each a fresh writer process and API server draining a queue pre-filled
 * with {@code entries} Observations under a QPS budget: the rates each run measured, in run order.
 */
record WriterRuns(List<Double> observationsPerSecond, List<Double> apiWritesPerSecond) {

    static WriterRuns run(BenchContext context, String scenario, int entries, int qps, int burst) throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        for (int i = 1; i <= context.plan().runs(); i++) {
            QueueDrain.Drained drained = QueueDrain.run(context.redisUri(), context.options().ingesterJar(),
                    context.resultFile(""), scenario + "-run-" + i, entries, qps, burst);
            rates.add(drained.observationsPerSecond());
            writes.add(drained.apiWritesPerSecond());
        }
        return new WriterRuns(List.copyOf(rates), List.copyOf(writes));
    }
}
