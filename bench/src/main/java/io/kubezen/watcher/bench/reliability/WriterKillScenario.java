package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;

/**
 * kill -9 of a writer while it holds a batch: entries it read but did not acknowledge are claimed by the other
 * writer after the claim idle time, and the killed one is started again under the same consumer name. Every
 * acknowledged event must still become exactly one Observation (a redelivered entry meets AlreadyExists).
 */
public final class WriterKillScenario implements ReliabilityScenario {

    static final String NAME = "writer-kill";
    /** Below what two writers could do, so that batches take a while and the kill lands inside one. */
    static final int WRITER_QPS = 400;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        Apps apps = cluster.apps();
        int receiverPort = Apps.freePort();
        int victimPort = Apps.freePort();
        apps.ingester(NAME + "-receiver", receiverPort, cluster.receiverSettings());
        ChildProcess victim = apps.ingester(NAME + "-writer-a", victimPort, cluster.writerSettings("writer-a", WRITER_QPS));
        apps.ingester(NAME + "-writer-b", Apps.freePort(), cluster.writerSettings("writer-b", WRITER_QPS));

        AcknowledgedLoad load = new AcknowledgedLoad(cluster.payload(), "wk", plan.loadSettings(Cluster.ingest(receiverPort)));
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long pendingAtKill = Waits.until(() -> cluster.pendingOf("writer-a"), pending -> pending > 0, plan.load());
        victim.kill();
        apps.ingester(NAME + "-writer-a-restarted", victimPort, cluster.writerSettings("writer-a", WRITER_QPS));
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        List<Figure> figures = new ArrayList<>(Reconciliation.of(load.tally(), cluster.census()).figures(NAME));
        figures.add(Reconciliation.count(NAME, "pending on the writer when killed", pendingAtKill)
                .withGoal(Goal.atLeast(1)));
        return figures;
    }
}
