package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.probe.IngesterCounters;
import io.kubezen.watcher.bench.probe.PrometheusSamples;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.metrics.MetricNames;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of the receiver under load, then a new one on the same port. Requests in flight at the kill get no
 * answer and the sender retries them; every event that was answered 2xx before or after must be in the queue and
 * so end as an Observation.
 */
public final class IngesterKillScenario implements ReliabilityScenario {

    static final String NAME = "ingester-kill";
    static final int WRITER_QPS = 1_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        int receiverPort = Apps.freePort();
        ChildProcess receiver = cluster.startReceiverAndWriter(NAME, receiverPort, WRITER_QPS);

        AcknowledgedLoad load = cluster.load("ik", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long acknowledgedBeforeKill = load.tally().acknowledged().size();
        receiver.kill();
        long killed = System.nanoTime();
        cluster.apps().ingester(NAME + "-receiver-restarted", receiverPort, cluster.receiverSettings());
        double downSeconds = (System.nanoTime() - killed) / 1e9;
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());
        // Every event of the load is distinct, so a duplicate here is a retry of a request the killed receiver
        // had deduplicated when it died: whether it had queued the event too decides whether the 2xx is true.
        double duplicates = PrometheusSamples.scrape(URI.create("http://127.0.0.1:" + receiverPort + "/prometheus"))
                .sum(IngesterCounters.counter(MetricNames.EVENTS_DISCARDED),
                        Map.of(MetricNames.TAG_SOURCE, "falco", MetricNames.TAG_REASON, "duplicate"));

        List<Figure> figures = new ArrayList<>(cluster.reconcile(load.tally()).figures(NAME));
        figures.add(Reconciliation.count(NAME, "acknowledged before the kill", acknowledgedBeforeKill));
        figures.add(Figure.of(NAME, "receiver down (kill to ready)", "s", List.of(downSeconds)));
        figures.add(Reconciliation.count(NAME, "retries answered as duplicates after the restart", duplicates));
        return figures;
    }
}
