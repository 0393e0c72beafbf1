package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * A master, its replica and three sentinels watching them (quorum two), all on loopback. Clients reach the master
 * through the sentinels with {@code redis-sentinel://…#}{@value #MASTER}, as they would in a Bitnami Sentinel
 * install. Every process is a {@link RedisServerHandle}, stopped by its own PID.
 */
public final class RedisSentinelHandle implements RedisFailover {

    static final String MASTER = "zw-master";
    private static final int SENTINELS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final RedisServerHandle master;
    private final RedisServerHandle replica;
    private final List<RedisServerHandle> sentinels;
    private final List<RedisServerHandle> replacements = new ArrayList<>();
    private final Object lock = new Object();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private RedisSentinelHandle(RedisServerHandle master, RedisServerHandle replica, List<RedisServerHandle> sentinels) {
        this.master = master;
        this.replica = replica;
        this.sentinels = sentinels;
    }

    /** A new group; the caller closes it. The test extension starts one per JVM, the reliability suite its own. */
    public static RedisSentinelHandle start() {
        // The replica syncs at once instead of after Redis's 5 s wait for more replicas.
        RedisServerHandle master = RedisServers.start(RedisServerKind.PATH,
                RedisServerOptions.DEFAULT.with("repl-diskless-sync-delay 0"));
        RedisServerHandle replica = RedisServers.start(RedisServerKind.PATH,
                RedisServerOptions.DEFAULT.with("replicaof 127.0.0.1 " + master.port()));
        List<RedisServerHandle> sentinels = new ArrayList<>();
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(RedisServers.start(RedisServerKind.PATH, RedisServerOptions.sentinel(List.of(
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 2000",
                    "sentinel failover-timeout " + MASTER + " 10000"))));
        }
        RedisSentinelHandle group = new RedisSentinelHandle(master, replica, sentinels);
        group.awaitReplicaInSync();
        return group;
    }

    @Override
    public RedisConnectionOptions options() {
        return RedisConnectionOptions.of("redis-sentinel://" + sentinels.stream()
                .map(sentinel -> "127.0.0.1:" + sentinel.port()).collect(Collectors.joining(",")) + "#" + MASTER);
    }

    /** Commands on the master the sentinels name. */
    @Override
    public RedisCommands<String, String> sync() {
        synchronized (lock) {
            if (connection == null) {
                client = RedisClient.create(options().uri());
                connection = client.connect();
            }
            return connection.sync();
        }
    }

    /** FLUSHALL on whichever of the two is master now. */
    @Override
    public void flushAll() {
        (master.isRunning() && master.text("INFO replication").contains("role:master") ? master : replica).flushAll();
    }

    /** Kills the master as a crash would; the sentinels then promote the replica. */
    @Override
    public void killMaster() {
        master.kill();
    }

    /**
     * Waits until the sentinels have promoted the replica of the first master and every sentinel names it: a client
     * asking a sentinel that has not heard of the promotion yet would still be sent to the first master's address.
     */
    @Override
    public void awaitPromotion(Duration timeout) {
        await(replica, "INFO replication", "role:master", timeout);
        for (RedisServerHandle sentinel : sentinels) {
            await(sentinel, "INFO sentinel", "address=127.0.0.1:" + replica.port() + ",", timeout);
        }
    }

    /**
     * Starts a new server as a replica of the promoted master, as a replacement pod would join, and waits until it
     * has synced: the group has a replica again. The killed master stays dead; restarted empty under its old
     * address, it would take writes as a master until the sentinels demoted it, and lose them then.
     */
    @Override
    public void startReplacementReplica(Duration timeout) {
        RedisServerHandle replacement = RedisServers.start(RedisServerKind.PATH,
                RedisServerOptions.DEFAULT.with("replicaof 127.0.0.1 " + replica.port()));
        replacements.add(replacement);
        await(replacement, "INFO replication", "master_link_status:up", timeout);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (client != null) {
                client.shutdown();
            }
        }
        sentinels.forEach(RedisServerHandle::close);
        replacements.forEach(RedisServerHandle::close);
        replica.close();
        master.close();
    }

    private void awaitReplicaInSync() {
        await(replica, "INFO replication", "master_link_status:up", READY_TIMEOUT);
    }

    /** Until the server's answer to {@code info} (an {@code INFO} section) says {@code expected}. */
    private static void await(RedisServerHandle server, String info, String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            try {
                last = RespProbe.text(server.port(), info);
                if (last.contains(expected)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new UncheckedIOException(new IOException("the test Sentinel group's server on port " + server.port()
                + " did not report " + expected + " within " + timeout + ": " + last));
    }
}
