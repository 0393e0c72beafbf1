package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.load.WrkLoad;
import io.kubezen.watcher.bench.probe.IngesterCounters;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audit webhook batches of 100 events (an EventList, as the API server's batching backend sends), half of
 * the events repeats: the path where one request's dedup calls travel to Redis in one pipeline.
 */
public final class KubeAuditScenario implements Scenario {

    static final String NAME = "k8s-audit";
    static final int EVENTS_PER_REQUEST = 100;
    /** Large bodies: fewer connections saturate the ingester, and more would only queue. */
    static final int CONNECTIONS = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        WrkLoad load = new WrkLoad(context.ingester("k8s-audit"), context.benchFile("payloads/k8s-audit-event.json"),
                Optional.of(context.benchFile("payloads/k8s-audit-envelope.json")), EVENTS_PER_REQUEST,
                IngestRun.DISTINCT_EVENTS, 1, CONNECTIONS);
        List<IngestRun> runs = IngestRun.againstIngester(context, NAME, "k8s-audit", load);
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(NAME, "requests/s", "1/s", IngestRun.each(runs, run -> run.wrk().requestsPerSecond())),
                Figure.of(NAME, "events/s", "1/s",
                        IngestRun.each(runs, run -> run.wrk().requestsPerSecond() * EVENTS_PER_REQUEST))
                        .withGoal(Goal.atLeast(25_000)),
                Figure.of(NAME, "latency p99 at max rate", "ms", IngestRun.each(runs, run -> run.wrk().p99Micros() / 1000.0))));
        figures.addAll(IngestRun.costPerEvent(NAME, runs));
        figures.addAll(List.of(
                Figure.of(NAME, "duplicates (ingester count)", "%",
                        IngestRun.each(runs, run -> run.counted(IngesterCounters::duplicatePercent))),
                Figure.of(NAME, "failed requests", "count", IngestRun.each(runs, IngestRun::errors)).withGoal(Goal.atMost(0))));
        return figures;
    }
}
