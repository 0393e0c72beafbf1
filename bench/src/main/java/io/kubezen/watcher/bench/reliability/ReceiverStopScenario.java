package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.apps.ChildProcess;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.List;

/**
 * SIGTERM to the receiver under load, as a rolling update sends it, then a new receiver on the same port. The
 * stopped one finishes the requests in flight and stops accepting; nothing it answered may be missing, nothing may
 * be left pending, and no request may get a 5xx other than the 503s a sender retries.
 */
public final class ReceiverStopScenario implements ReliabilityScenario {

    static final String NAME = "receiver-stop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        int receiverPort = Apps.freePort();
        ChildProcess receiver = cluster.startReceiverAndWriter(NAME, receiverPort, IngesterKillScenario.WRITER_QPS);

        AcknowledgedLoad load = cluster.load("rs", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        long stopped = System.nanoTime();
        receiver.stop();
        double drainSeconds = (System.nanoTime() - stopped) / 1e9;
        cluster.apps().ingester(NAME + "-receiver-new", receiverPort, cluster.receiverSettings());
        double downSeconds = (System.nanoTime() - stopped) / 1e9;
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        AcknowledgedLoad.Tally tally = load.tally();
        List<Figure> figures = new ArrayList<>(cluster.reconcile(tally).figures(NAME));
        figures.add(Reconciliation.count(NAME, "pending after drain", cluster.queueStats().pending())
                .withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "answers other than 2xx or 503", tally.otherStatuses())
                .withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "503 without Retry-After",
                tally.unavailable() - tally.unavailableWithRetryAfter()).withGoal(Goal.atMost(0)));
        // One port and no Service in front: until the new receiver listens, attempts are refused and retried.
        figures.add(Reconciliation.count(NAME, "attempts refused while no receiver listened", tally.unanswered()));
        figures.add(Reconciliation.count(NAME, "gave up (never acknowledged)", tally.gaveUp()).withGoal(Goal.atMost(0)));
        figures.add(Figure.of(NAME, "SIGTERM to exit", "s", List.of(drainSeconds)));
        figures.add(Figure.of(NAME, "receiver down (SIGTERM to new one ready)", "s", List.of(downSeconds)));
        return figures;
    }
}
