package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Cluster listener's SSUBSCRIBE to the projection's shard channel. Lettuce sends it to the master of the channel's
 * slot, which is the master that runs the publish script, so the notice reaches the listener straight from the node
 * that wrote the version. A plain SUBSCRIBE on Cluster lands on any node, which hears a PUBLISH only as far as the
 * cluster bus carries it there, and the bus drops a message for a node whose link is down or being re-established.
 * <p>
 * Lettuce subscribes a node's connection again when it reconnects to that node, but not on the replica that takes
 * over from a crashed master; so each changed topology subscribes again on the slot's current master (where it
 * already listens, that is a no-op). Once the crashed master is back as a replica it may deliver each notice a
 * second time; a listener re-reads on notice, so that costs one read. A Cluster of Redis 6.2 has no sharded
 * pub/sub: there the listener subscribes to the plain channel.
 */
final class ShardSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(ShardSubscription.class);

    private final StatefulRedisClusterPubSubConnection<String, String> connection;
    private final String shardChannel;
    private final String plainChannel;
    private final int slot;

    ShardSubscription(StatefulRedisClusterPubSubConnection<String, String> connection, String shardChannel,
                      String plainChannel) {
        this.connection = connection;
        this.shardChannel = shardChannel;
        this.plainChannel = plainChannel;
        this.slot = SlotHash.getSlot(shardChannel);
    }

    /** Subscribes, waiting for the master's confirmation, and follows failovers until the handle is closed. */
    AutoCloseable follow(RedisConnector connector) {
        try {
            RedisCalls.await(connection.async().ssubscribe(shardChannel), "projected config subscribe");
        } catch (IllegalStateException e) {
            if (!RedisCalls.isServerError(e.getCause(), "ERR unknown command")) {
                throw e;
            }
            RedisCalls.await(connection.async().subscribe(plainChannel), "projected config subscribe");
            return connection::close;
        }
        AutoCloseable following = connector.onTopologyChange(this::subscribeOnMaster);
        return () -> {
            following.close();
            connection.close();
        };
    }

    private void subscribeOnMaster(List<RedisClusterNode> nodes) {
        nodes.stream()
                .filter(node -> node.is(NodeFlag.UPSTREAM) && node.hasSlot(slot) && !node.is(NodeFlag.FAIL)
                        && !node.is(NodeFlag.EVENTUAL_FAIL))
                .findFirst()
                // Through a completed stage, so that a connection refused at once fails the stage like a late one.
                .ifPresent(master -> CompletableFuture.completedFuture(master.getUri())
                        .thenCompose(uri -> connection.getConnectionAsync(uri.getHost(), uri.getPort()))
                        .thenCompose(node -> node.async().ssubscribe(shardChannel))
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                LOG.warn("Could not subscribe to {} on the new master {}: {}; until the next topology "
                                        + "change, configuration changes arrive by the periodic re-read",
                                        shardChannel, master.getUri(), failure.toString());
                            }
                        }));
    }
}
