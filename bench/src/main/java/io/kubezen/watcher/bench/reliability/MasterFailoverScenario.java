package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.apps.Apps;
import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisFailover;
import io.kubezen.watcher.testing.redis.RedisSentinelHandle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * kill -9 of a master under load, in a Sentinel group (a master, one replica, three sentinels) or in a Redis Cluster
 * (three masters with one replica each: one shard's master); the replica is promoted, and a new server joins as its
 * replica, as a replacement pod would. Replication is asynchronous, so what the old master acknowledged and had not
 * yet sent to its replica is gone. With {@code zen-watcher.redis.ack-replicas=1} the receiver answered 2xx only for
 * what the replica held, so nothing acknowledged may be missing or written twice; without it, the same run shows
 * what a failover can lose. Runs in a Redis of its own, beside the suite's single Redis.
 */
public final class MasterFailoverScenario implements ReliabilityScenario {

    private static final Duration PROMOTION = Duration.ofSeconds(60);
    private static final int WRITER_QPS = 1_000;

    private final String name;
    private final String idPrefix;
    private final Supplier<RedisFailover> redis;
    private final int ackReplicas;

    private MasterFailoverScenario(String topology, Supplier<RedisFailover> redis, int ackReplicas) {
        this.name = topology + "-failover" + (ackReplicas > 0 ? "" : "-no-acks");
        this.idPrefix = topology.charAt(0) + (ackReplicas > 0 ? "f" : "n");
        this.redis = redis;
        this.ackReplicas = ackReplicas;
    }

    /**
     * The Sentinel group's master; with {@code ack-replicas=1} the goals are no loss and no duplicate, with 0 (the
     * default) the same failover's loss is reported without a goal.
     */
    static MasterFailoverScenario sentinel(int ackReplicas) {
        return new MasterFailoverScenario("sentinel", RedisSentinelHandle::start, ackReplicas);
    }

    /** One master of a three-master Cluster, the shards of the queue spread over all three; as {@link #sentinel}. */
    static MasterFailoverScenario clusterShard(int ackReplicas) {
        return new MasterFailoverScenario("cluster", RedisClusterHandle::start, ackReplicas);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Figure> run(Cluster single, ReliabilityPlan plan) throws Exception {
        try (RedisFailover failover = redis.get();
             Cluster cluster = new Cluster(failover, single.apps(), single.payload(), Map.of(
                     "zen-watcher.redis.ack-replicas", Integer.toString(ackReplicas),
                     "zen-watcher.redis.ack-timeout", "500ms",
                     "zen-watcher.redis.command-timeout", "1s"))) {
            int receiverPort = Apps.freePort();
            cluster.startReceiverAndWriter(name, receiverPort, WRITER_QPS);

            AcknowledgedLoad load = cluster.load(idPrefix, plan, receiverPort);
            long end = System.nanoTime() + plan.load().toNanos();
            load.start();
            Thread.sleep(plan.beforeFailure().toMillis());
            long acknowledgedBeforeKill = load.tally().acknowledged().size();
            long killed = System.nanoTime();
            failover.killMaster();
            failover.awaitPromotion(PROMOTION);
            double promotedSeconds = (System.nanoTime() - killed) / 1e9;
            failover.startReplacementReplica(PROMOTION);
            long acknowledgedAgain = Waits.until(load::lastAcknowledgedNanos, at -> at > killed, plan.drainTimeout());
            Waits.sleepUntil(end);
            load.stop();
            cluster.awaitDrained(plan.drainTimeout());

            AcknowledgedLoad.Tally tally = load.tally();
            Reconciliation reconciliation = cluster.reconcile(tally);
            // Without replica acks a loss is what the run is there to show, not a failure of the suite.
            List<Figure> figures = new ArrayList<>(ackReplicas > 0 ? reconciliation.figures(name)
                    : reconciliation.figures(name).stream().map(f -> new Figure(f.scenario(), f.metric(), f.unit(),
                    f.runs(), Optional.empty())).toList());
            figures.add(Reconciliation.count(name, "acknowledged before the kill", acknowledgedBeforeKill));
            figures.add(Figure.of(name, "kill to promotion", "s", List.of(promotedSeconds)));
            figures.add(Figure.of(name, "kill to first 2xx", "s", List.of((acknowledgedAgain - killed) / 1e9)));
            figures.add(Reconciliation.count(name, "503 without Retry-After",
                    tally.unavailable() - tally.unavailableWithRetryAfter()).withGoal(Goal.atMost(0)));
            figures.add(Reconciliation.count(name, "gave up (never acknowledged)", tally.gaveUp()));
            return figures;
        }
    }
}
