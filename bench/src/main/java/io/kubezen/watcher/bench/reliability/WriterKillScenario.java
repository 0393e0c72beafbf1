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

    /** The QPS budget of each writer: {@link #WRITER_SHARE_OF_RATE} of the plan's event rate. */
    static int writerQps(ReliabilityPlan plan) {
        return (int) Math.max(1, plan.rate() * WRITER_SHARE_OF_RATE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        int receiverPort = Apps.freePort();
        int victimPort = Apps.freePort();
        int qps = writerQps(plan);
        ChildProcess victim = cluster.startTwoWritersAndReceiver(NAME, victimPort, receiverPort, qps);

        AcknowledgedLoad load = cluster.load("wk", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long pendingAtKill = Waits.until(() -> cluster.pendingOf("writer-a"), pending -> pending >= MIN_BATCH_AT_KILL,
                plan.load());
        victim.kill();
        cluster.apps().ingester(NAME + "-writer-a-restarted", victimPort, cluster.writerSettings("writer-a", qps));
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        List<Figure> figures = new ArrayList<>(cluster.reconcile(load.tally()).figures(NAME));
        figures.add(Reconciliation.count(NAME, "pending on the writer when killed", pendingAtKill)
                .withGoal(Goal.atLeast(MIN_BATCH_AT_KILL)));
        return figures;
    }
}
