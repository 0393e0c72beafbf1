package io.kubezen.watcher.testing.redis;

/** The shapes of Redis a test can ask {@link RedisExtension} for; each is started once per JVM and shared. */
public enum RedisTopology {
    /** One server: {@link RedisServerHandle}. */
    STANDALONE,
    /** Three masters and three replicas: {@link RedisClusterHandle}. */
    CLUSTER,
    /** A master, a replica and three sentinels: {@link RedisSentinelHandle}. */
    SENTINEL,
    /** One server that clients reach over TLS with a client certificate and an ACL user: {@link RedisTlsHandle}. */
    TLS
}
