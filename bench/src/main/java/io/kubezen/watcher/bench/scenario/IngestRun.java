package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.load.Wrk;
import io.kubezen.watcher.bench.load.WrkLoad;
import io.kubezen.watcher.bench.load.WrkResult;
import io.kubezen.watcher.bench.probe.CpuTime;
import io.kubezen.watcher.bench.probe.IngesterCounters;
import io.kubezen.watcher.bench.probe.ProcessCpu;
import io.kubezen.watcher.bench.probe.PrometheusSamples;
import io.kubezen.watcher.bench.probe.ProcessMemory;
import io.kubezen.watcher.bench.report.Figure;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One wrk run of a load scenario, with what the ingester counted meanwhile, the CPU time it and Redis spent on
 * it, and the ingester's memory afterwards; the ceiling scenario, aimed at the bare endpoint, has none of them.
 */
record IngestRun(WrkResult wrk, Optional<IngesterCounters> counters, Optional<ProcessMemory> memory,
                 Optional<CpuTime> cpu) {

    static final int FALCO_CONNECTIONS = 128;
    static final int DISTINCT_EVENTS = 10_000;

    /** Single Falco alerts, as falcosidekick posts them, half repeats over 10k distinct events. */
    static WrkLoad falco(BenchContext context, URI target) {
        return new WrkLoad(target, context.benchFile("payloads/falco-event.json"), Optional.empty(), 1,
                DISTINCT_EVENTS, 1, FALCO_CONNECTIONS);
    }

    static Wrk wrk(BenchContext context) throws ScenarioSkipped {
        if (!Wrk.installed()) {
            throw new ScenarioSkipped("wrk is not on the PATH (Debian: apt-get install wrk)");
        }
        return new Wrk(context.benchFile("wrk/events.lua"));
    }

    /**
     * The plan's runs of {@code load} against the ingester, its counters and memory read around each, and the CPU
     * time between the scrapes, so that their own cost stays out of it.
     */
    static List<IngestRun> againstIngester(BenchContext context, String scenario, String source, WrkLoad load)
            throws Exception {
        Wrk wrk = wrk(context);
        URI metrics = context.options().ingester().resolve("/prometheus");
        long pid = context.options().ingesterPid();
        return context.repeatProfilingIngester(scenario, (duration, label) -> {
            PrometheusSamples before = PrometheusSamples.scrape(metrics);
            CpuTime cpuBefore = new CpuTime(ProcessCpu.seconds(pid), context.redisCpuSeconds());
            WrkResult result = wrk.run(load, duration, context.nonce(), log(context, label));
            CpuTime cpu = new CpuTime(ProcessCpu.seconds(pid), context.redisCpuSeconds()).minus(cpuBefore);
            PrometheusSamples after = PrometheusSamples.scrape(metrics);
            return new IngestRun(result, Optional.of(IngesterCounters.between(before, after, source)),
                    Optional.of(ProcessMemory.of(pid)), Optional.of(cpu));
        });
    }

    /** The plan's runs of {@code load} against something that is not the ingester: wrk's view only. */
    static List<IngestRun> againstOther(BenchContext context, String scenario, WrkLoad load) throws Exception {
        Wrk wrk = wrk(context);
        return context.repeat(scenario, (duration, label) -> new IngestRun(
                wrk.run(load, duration, context.nonce(), log(context, label)), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    static List<Double> each(List<IngestRun> runs, ToDoubleFunction<IngestRun> value) {
        return runs.stream().mapToDouble(value).boxed().toList();
    }

    /**
     * CPU time per accepted event, in microseconds: every event of a 202 answer, queued or found a duplicate (a
     * run counts only when no request failed). {@code side} picks the ingester's or Redis's share.
     */
    double cpuMicrosPerEvent(ToDoubleFunction<CpuTime> side) {
        double events = counters.map(IngesterCounters::received).orElseThrow();
        return side.applyAsDouble(cpu.orElseThrow()) * 1_000_000 / events;
    }

    /**
     * What each accepted event cost, one figure each: the ingester's and Redis's CPU time, and the ingester's
     * allocation and collection pauses, which move least with the machine's other load.
     */
    static List<Figure> costPerEvent(String scenario, List<IngestRun> runs) {
        return List.of(
                Figure.of(scenario, "ingester CPU per accepted event", "µs",
                        each(runs, run -> run.cpuMicrosPerEvent(CpuTime::ingesterSeconds))),
                Figure.of(scenario, "Redis CPU per accepted event", "µs",
                        each(runs, run -> run.cpuMicrosPerEvent(CpuTime::redisSeconds))),
                Figure.of(scenario, "ingester allocation per accepted event", "KB",
                        each(runs, run -> run.counted(IngesterCounters::allocatedKilobytesPerEvent))),
                Figure.of(scenario, "ingester GC pause per accepted event", "µs",
                        each(runs, run -> run.counted(IngesterCounters::gcPauseMicrosPerEvent))));
    }

    /** A figure of what the ingester counted during this run. */
    double counted(ToDoubleFunction<IngesterCounters> figure) {
        return figure.applyAsDouble(counters.orElseThrow());
    }

    /** Failed requests: wrk's non-2xx answers and socket errors, or the ingester's count of refusals if higher. */
    double errors() {
        return Math.max(wrk.errors(), counters.map(IngesterCounters::rejected).orElse(0.0));
    }

    private static Path log(BenchContext context, String label) {
        return context.resultFile(label + ".wrk.log");
    }
}
