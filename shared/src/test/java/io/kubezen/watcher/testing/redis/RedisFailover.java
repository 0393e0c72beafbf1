package io.kubezen.watcher.testing.redis;

import java.time.Duration;

/**
 * A Redis with replicas whose master a test kills as a crash would: a Sentinel group, or one shard of a Cluster.
 * The replica is promoted, and a new server joins as its replica, as a replacement pod would.
 */
public interface RedisFailover extends RedisDeployment, AutoCloseable {

    /** kill -9 of the master (on Cluster, of one master). */
    void killMaster();

    /** Until the killed master's replica is a master and clients are sent to it. */
    void awaitPromotion(Duration timeout);

    /** Starts a new server as a replica of the promoted master and waits until it has synced. */
    void startReplacementReplica(Duration timeout);

    @Override
    void close();
}
