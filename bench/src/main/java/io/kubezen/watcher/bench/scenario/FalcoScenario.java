package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.probe.IngesterCounters;
import io.kubezen.watcher.bench.probe.ProcessMemory;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;

/**
 * The full receive path at its highest rate: single Falco alerts through auth, parse, normalize, filter, Redis
 * dedup and the Redis stream, half of them duplicates. Also the CPU time each accepted event costs the ingester and
 * Redis, and the ingester's resident memory while idle and after each run.
 */
public final class FalcoScenario implements Scenario {

    static final String NAME = "falco";
    static final String REQUESTS_PER_SECOND = "requests/s";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        double idleMegabytes = ProcessMemory.of(context.options().ingesterPid()).residentMegabytes();
        List<IngestRun> runs = IngestRun.againstIngester(context, NAME, "falco", IngestRun.falco(context, context.ingester("falco")));
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(NAME, REQUESTS_PER_SECOND, "1/s", IngestRun.each(runs, run -> run.wrk().requestsPerSecond()))
                        .withGoal(Goal.atLeast(5_000)),
                Figure.of(NAME, "events/s", "1/s", IngestRun.each(runs, run -> run.wrk().requestsPerSecond())),
                Figure.of(NAME, "latency p50 at max rate", "ms", IngestRun.each(runs, run -> run.wrk().p50Micros() / 1000.0)),
                Figure.of(NAME, "latency p99 at max rate", "ms", IngestRun.each(runs, run -> run.wrk().p99Micros() / 1000.0)),
                Figure.of(NAME, "duplicates (ingester count)", "%",
                        IngestRun.each(runs, run -> run.counted(IngesterCounters::duplicatePercent))),
                Figure.of(NAME, "failed requests", "count", IngestRun.each(runs, IngestRun::errors)).withGoal(Goal.atMost(0))));
        figures.addAll(IngestRun.costPerEvent(NAME, runs));
        figures.addAll(List.of(
                Figure.of(NAME, "ingester RSS idle, before the first run", "MB", List.of(idleMegabytes)),
                Figure.of(NAME, "ingester RSS after run", "MB",
                        IngestRun.each(runs, run -> run.memory().map(ProcessMemory::residentMegabytes).orElseThrow()))
                        .withGoal(Goal.atMost(300)),
                Figure.of(NAME, "ingester peak RSS", "MB",
                        IngestRun.each(runs, run -> run.memory().map(ProcessMemory::peakMegabytes).orElseThrow()))));
        return figures;
    }
}
