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
    TLS,
    /**
     * One server of the oldest Redis supported, 6.2: the embedded-redis jar's, whatever the PATH has. Scripts that
     * take a newer command's path on Redis 7 run their 6.2 path against it.
     */
    REDIS_6_2
}
