package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;

/**
 * SIGTERM to a writer that holds a batch, as a rolling update sends it, and a new writer under another name, as the
 * new pod has. The stopped writer finishes and acknowledges its batch before it exits, so nothing it held is left
 * pending for a claim; nothing acknowledged may be missing or written twice.
 */
public final class WriterStopScenario implements ReliabilityScenario {

    static final String NAME = "writer-stop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        int receiverPort = Apps.freePort();
        int victimPort = Apps.freePort();
        int qps = WriterKillScenario.writerQps(plan);
        ChildProcess victim = cluster.startTwoWritersAndReceiver(NAME, victimPort, receiverPort, qps);

        AcknowledgedLoad load = cluster.load("ws", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long pendingAtStop = Waits.until(() -> cluster.pendingOf("writer-a"), pending -> pending >= WriterKillScenario
                .MIN_BATCH_AT_KILL, plan.load());
        victim.stop();
        long leftByTheStoppedWriter = cluster.pendingOf("writer-a");
        cluster.apps().ingester(NAME + "-writer-c", victimPort, cluster.writerSettings("writer-c", qps));
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        List<Figure> figures = new ArrayList<>(cluster.reconcile(load.tally()).figures(NAME));
        figures.add(Reconciliation.count(NAME, "pending on the writer at SIGTERM", pendingAtStop)
                .withGoal(Goal.atLeast(WriterKillScenario.MIN_BATCH_AT_KILL)));
        figures.add(Reconciliation.count(NAME, "left pending by the stopped writer", leftByTheStoppedWriter)
                .withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "pending after drain", cluster.queueStats().pending())
                .withGoal(Goal.atMost(0)));
        return figures;
    }
}
