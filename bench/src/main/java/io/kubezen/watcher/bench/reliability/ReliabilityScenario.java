package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.report.Figure;

import java.util.List;

/** One failure the suite puts the system through, in a {@link Cluster} of its own; its figures carry the goals. */
public interface ReliabilityScenario {

    /** The name in the table and for {@code --only}. */
    String name();

    List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception;
}
