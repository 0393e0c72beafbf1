package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.load.EventIds;
import io.kubezen.watcher.bench.load.FixedRateLoad;
import io.kubezen.watcher.bench.load.FixedRateResult;
import io.kubezen.watcher.bench.load.PayloadTemplate;
import io.kubezen.watcher.bench.probe.IngesterCounters;
import io.kubezen.watcher.bench.probe.PrometheusSamples;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Latency below saturation: the falco load at 70 % of the highest rate the falco scenario found, sent on a
 * fixed schedule, so that queueing at the limit does not hide how fast a request is served in normal operation.
 */
public final class FalcoLatencyScenario implements Scenario {

    static final String NAME = "falco-70pct";
    static final double SHARE_OF_MAX = 0.7;
    /** At 5 ms per answer, 64 connections carry 12,800 requests/s: room above any rate measured here. */
    static final int CONNECTIONS = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        double rate = SHARE_OF_MAX * context.figure(FalcoScenario.NAME, FalcoScenario.REQUESTS_PER_SECOND)
                .orElseThrow(() -> new IllegalStateException(NAME + " needs the falco scenario's rate; run falco first"))
                .median();
        PayloadTemplate template = PayloadTemplate.read(context.benchFile("payloads/falco-event.json"), Optional.empty());
        URI metrics = context.options().ingester().resolve("/prometheus");
        record Measured(FixedRateResult load, IngesterCounters counters) {
        }
        List<Measured> runs = context.repeatProfilingIngester(NAME, (duration, label) -> {
            String nonce = context.nonce();
            PrometheusSamples before = PrometheusSamples.scrape(metrics);
            FixedRateResult result = FixedRateLoad.run(
                    new FixedRateLoad.Settings(context.ingester("falco"), rate, CONNECTIONS, duration),
                    connection -> bodies(template, nonce + "-" + connection + "-"));
            return new Measured(result, IngesterCounters.between(before, PrometheusSamples.scrape(metrics), "falco"));
        });
        return List.of(
                Figure.of(NAME, "target rate", "1/s", List.of(rate)),
                Figure.of(NAME, "achieved rate", "1/s", runs.stream().map(run -> run.load().achievedRate()).toList()),
                Figure.of(NAME, "latency p50", "ms", runs.stream().map(run -> run.load().percentileMillis(50)).toList()),
                Figure.of(NAME, "latency p99", "ms", runs.stream().map(run -> run.load().percentileMillis(99)).toList())
                        .withGoal(Goal.atMost(20)),
                Figure.of(NAME, "latency p99.9", "ms", runs.stream().map(run -> run.load().percentileMillis(99.9)).toList()),
                Figure.of(NAME, "duplicates (ingester count)", "%",
                        runs.stream().map(run -> run.counters().duplicatePercent()).toList()),
                Figure.of(NAME, "failed requests", "count",
                        runs.stream().map(run -> (double) Math.max(run.load().errors(), run.counters().rejected())).toList())
                        .withGoal(Goal.atMost(0)));
    }

    private static Supplier<byte[]> bodies(PayloadTemplate template, String idPrefix) {
        EventIds ids = new EventIds(idPrefix, IngestRun.DISTINCT_EVENTS / CONNECTIONS, new SplittableRandom());
        return () -> template.body(List.of(ids.next()));
    }
}
