package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;
import io.kubezen.watcher.testing.redis.RedisServerHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis killed under load (AOF with fsync on every write, so it keeps what it acknowledged) and started again on
 * the same port after an outage. During the outage the receiver must answer 503 with Retry-After; afterwards it
 * must accept again by itself, without a restart, and nothing it acknowledged may be missing.
 */
public final class RedisRestartScenario implements ReliabilityScenario {

    static final String NAME = "redis-restart";
    static final int WRITER_QPS = 1_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(Cluster cluster, ReliabilityPlan plan) throws Exception {
        int receiverPort = Apps.freePort();
        cluster.startReceiverAndWriter(NAME, receiverPort, WRITER_QPS);

        AcknowledgedLoad load = cluster.load("rr", plan, receiverPort);
        long end = System.nanoTime() + plan.load().toNanos();
        load.start();
        Thread.sleep(plan.beforeFailure().toMillis());
        RedisServerHandle redis = (RedisServerHandle) cluster.redis();
        redis.kill();
        Thread.sleep(plan.outage().toMillis());
        long unavailableDuringOutage = load.tally().unavailable();
        redis.start();
        long back = System.nanoTime();
        long acknowledgedAgain = Waits.until(load::lastAcknowledgedNanos, at -> at > back, plan.drainTimeout());
        Waits.sleepUntil(end);
        load.stop();
        cluster.awaitDrained(plan.drainTimeout());

        AcknowledgedLoad.Tally tally = load.tally();
        List<Figure> figures = new ArrayList<>(cluster.reconcile(tally).figures(NAME));
        figures.add(Reconciliation.count(NAME, "503 during the outage", unavailableDuringOutage)
                .withGoal(Goal.atLeast(1)));
        figures.add(Reconciliation.count(NAME, "503 without Retry-After",
                tally.unavailable() - tally.unavailableWithRetryAfter()).withGoal(Goal.atMost(0)));
        figures.add(Reconciliation.count(NAME, "gave up (never acknowledged)", tally.gaveUp()));
        figures.add(Figure.of(NAME, "first 2xx after Redis is back", "s", List.of((acknowledgedAgain - back) / 1e9)));
        return figures;
    }
}
