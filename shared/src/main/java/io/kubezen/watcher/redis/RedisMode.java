package io.kubezen.watcher.redis;

/**
 * Which Lettuce client the {@link RedisConnector} builds. Sentinel is not a mode of its own: a
 * {@code redis-sentinel://} URI already makes the standalone client ask the sentinels for the master.
 */
public enum RedisMode {
    /** One server, or a master found through Sentinel. */
    STANDALONE,
    /** A Redis Cluster: the URI lists seed nodes, the client learns the rest and follows MOVED and ASK. */
    CLUSTER
}
