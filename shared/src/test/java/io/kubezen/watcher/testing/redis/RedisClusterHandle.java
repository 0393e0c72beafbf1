package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisMode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster on loopback: six {@code redis-server --cluster-enabled yes} nodes joined by
 * {@code redis-cli --cluster create … --cluster-replicas 1}, which makes three masters with one replica each.
 * Every node is a {@link RedisServerHandle}, so its process is stopped by its own PID like any other.
 */
public final class RedisClusterHandle implements RedisFailover {

    private static final int NODES = 6;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<RedisServerHandle> nodes;
    private final Path cli;
    private final Object lock = new Object();
    private RedisServerHandle heir;
    private RedisClusterClient client;
    private StatefulRedisClusterConnection<String, String> connection;

    private RedisClusterHandle(List<RedisServerHandle> nodes, Path cli) {
        this.nodes = nodes;
        this.cli = cli;
    }

    /** A new cluster; the caller closes it. The test extension starts one per JVM, the reliability suite its own. */
    public static RedisClusterHandle start() {
        Path cli = RedisServers.onPath("redis-cli").orElseThrow(() -> new IllegalStateException(
                "A test Redis Cluster needs redis-cli on the PATH (apt-get install redis-tools)"));
        List<RedisServerHandle> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(startNode());
        }
        RedisClusterHandle cluster = new RedisClusterHandle(nodes, cli);
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        RedisServers.run(command);
        cluster.awaitFormed();
        return cluster;
    }

    /** Every node as a seed, as an operator would list them. */
    @Override
    public RedisConnectionOptions options() {
        return RedisConnectionOptions.of("redis://" + nodes.stream().map(node -> "127.0.0.1:" + node.port())
                .collect(Collectors.joining(","))).withMode(RedisMode.CLUSTER);
    }

    @Override
    public RedisAdvancedClusterCommands<String, String> sync() {
        return connection().sync();
    }

    private StatefulRedisClusterConnection<String, String> connection() {
        synchronized (lock) {
            if (connection == null) {
                client = RedisClusterClient.create(nodes.stream()
                        .map(node -> RedisURI.create(node.uri())).toList());
                connection = client.connect();
            }
            return connection;
        }
    }

    /** FLUSHALL on each master. */
    @Override
    public void flushAll() {
        masters().forEach(RedisServerHandle::flushAll);
    }

    /** Commands on each node that is a master by its own account, for what a test must ask or arrange on every one. */
    public List<RedisCommands<String, String>> masterCommands() {
        return masters().stream().map(RedisServerHandle::sync).toList();
    }

    /** The nodes that are masters by their own account, whatever a client's view of the topology. */
    private List<RedisServerHandle> masters() {
        return nodes.stream()
                .filter(node -> node.isRunning() && node.text("INFO replication").contains("role:master"))
                .toList();
    }

    /**
     * The bus port would default to the client port plus 10000, which may be taken or out of range. A replica syncs
     * at once instead of after Redis's 5 s wait for more replicas, and takes over from a dead master however long
     * ago it last heard from it, so a test may kill a master soon after the start.
     */
    private static RedisServerHandle startNode() {
        return RedisServers.start(RedisServerKind.PATH, RedisServerOptions.DEFAULT.with(
                "cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 2000",
                "cluster-port " + RedisServers.freeLoopbackPort(), "repl-diskless-sync-delay 0",
                "cluster-replica-validity-factor 0"));
    }

    /** Kills one master as a crash would; after the node timeout its replica takes over its slots. */
    @Override
    public void killMaster() {
        RedisServerHandle master = masters().get(0);
        heir = nodes.stream().filter(node -> node.isRunning()
                && node.text("INFO replication").lines()
                        .anyMatch(line -> line.strip().equals("master_port:" + master.port()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica of the master on port " + master.port()));
        master.kill();
    }

    /** Until the killed master's replica reports itself master and every running node sees all slots covered. */
    @Override
    public void awaitPromotion(Duration timeout) {
        await(timeout, "the replica on port " + heir.port() + " to take over", () -> heir.text("INFO replication")
                .contains("role:master") && nodes.stream().filter(RedisServerHandle::isRunning)
                .allMatch(node -> node.text("CLUSTER INFO").contains("cluster_state:ok")));
    }

    /** A new node joins as the promoted master's replica, with {@code redis-cli --cluster add-node}. */
    @Override
    public void startReplacementReplica(Duration timeout) {
        RedisServerHandle replacement = startNode();
        nodes.add(replacement);
        RedisServers.run(List.of(cli.toString(), "--cluster", "add-node", "127.0.0.1:" + replacement.port(),
                "127.0.0.1:" + heir.port(), "--cluster-slave", "--cluster-master-id",
                heir.text("CLUSTER MYID").trim()));
        await(timeout, "the replacement replica on port " + replacement.port() + " to sync",
                () -> replacement.text("INFO replication").contains("master_link_status:up"));
    }

    /** How many keys match {@code pattern} on each master, by SCAN on each master alone. */
    public List<Long> keysPerMaster(String pattern) {
        List<Long> counts = new ArrayList<>();
        for (RedisServerHandle node : masters()) {
            long count = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> step = node.sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
                count += step.getKeys().size();
                cursor = step;
            } while (!cursor.isFinished());
            counts.add(count);
        }
        return counts;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (client != null) {
                client.shutdown();
            }
        }
        nodes.forEach(RedisServerHandle::close);
    }

    private static void await(Duration timeout, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("waited " + timeout + " for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * Until every node reports the slots covered and sees three masters and three replicas, and every replica has
     * synced, so that no test meets CLUSTERDOWN, no client learns a topology in which a replica still looks like an
     * empty master, and a killed master has a replica ready to take over.
     */
    private void awaitFormed() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() - deadline < 0) {
            try {
                boolean formed = true;
                for (RedisServerHandle node : nodes) {
                    last = RespProbe.text(node.port(), "CLUSTER INFO");
                    formed &= last.contains("cluster_state:ok") && last.contains("cluster_known_nodes:" + NODES);
                    last = RespProbe.text(node.port(), "CLUSTER NODES");
                    formed &= last.lines().filter(line -> line.split(" ")[2].contains("slave")).count() == NODES / 2;
                    last = RespProbe.text(node.port(), "INFO replication");
                    formed &= last.contains("role:master") || last.contains("master_link_status:up");
                }
                if (formed) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new UncheckedIOException(new IOException("the test Redis Cluster did not form within " + READY_TIMEOUT
                + "; last CLUSTER INFO: " + last));
    }
}
