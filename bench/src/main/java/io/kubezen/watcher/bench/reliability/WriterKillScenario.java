package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
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
    /**
     * Each writer gets 40 % of the event rate: together they fall behind, a backlog builds, every read takes a
     * full batch and the kill lands with a batch in flight. The backlog drains after the load.
     */
    static final double WRITER_SHARE_OF_RATE = 0.4;

    static final int MIN_BATCH_AT_KILL = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        Apps apps = cluster.apps();
        int receiverPort = Apps.freePort();
        int victimPort = Apps.freePort();
        int qps = (int) Math.max(1, plan.rate() * WRITER_SHARE_OF_RATE);
        int otherPort = Apps.freePort();
        ChildProcess victim = apps.startAll(List.of(
                () -> apps.ingester(NAME + "-writer-a", victimPort, cluster.writerSettings("writer-a", qps)),
                () -> apps.ingester(NAME + "-writer-b", otherPort, cluster.writerSettings("writer-b", qps)),
                () -> apps.ingester(NAME + "-receiver", receiverPort, cluster.receiverSettings()))).get(0);

        AcknowledgedLoad load = cluster.load("wk", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long pendingAtKill = Waits.until(() -> cluster.pendingOf("writer-a"), pending -> pending >= MIN_BATCH_AT_KILL,
                plan.load());
        victim.kill();
        apps.ingester(NAME + "-writer-a-restarted", victimPort, cluster.writerSettings("writer-a", qps));
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        List<Figure> figures = new ArrayList<>(cluster.reconcile(load.tally()).figures(NAME));
        figures.add(Reconciliation.count(NAME, "pending on the writer when killed", pendingAtKill)
                .withGoal(Goal.atLeast(MIN_BATCH_AT_KILL)));
        return figures;
    }
}
