package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;

/**
 * The falco load against the bare Micronaut endpoint: the HTTP stack's ceiling on this machine, and the full
 * path's share of it, which says how much of the ingester's cost is its own work.
 */
public final class CeilingScenario implements Scenario {

    static final String NAME = "ceiling";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<IngestRun> runs = IngestRun.againstOther(context, NAME, IngestRun.falco(context, context.ceiling("falco")));
        Figure ceiling = Figure.of(NAME, "requests/s", "1/s", IngestRun.each(runs, run -> run.wrk().requestsPerSecond()));
        List<Figure> figures = new ArrayList<>(List.of(ceiling,
                Figure.of(NAME, "latency p99 at max rate", "ms", IngestRun.each(runs, run -> run.wrk().p99Micros() / 1000.0)),
                Figure.of(NAME, "failed requests", "count", IngestRun.each(runs, IngestRun::errors)).withGoal(Goal.atMost(0))));
        context.figure(FalcoScenario.NAME, FalcoScenario.REQUESTS_PER_SECOND).ifPresent(full -> figures.add(
                Figure.of(NAME, "full path / ceiling", "ratio", List.of(full.median() / ceiling.median()))
                        .withGoal(Goal.atLeast(0.25))));
        return figures;
    }
}
