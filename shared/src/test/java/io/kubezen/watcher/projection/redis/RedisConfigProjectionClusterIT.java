package io.kubezen.watcher.projection.redis;

import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.DedicatedRedis;
import io.kubezen.watcher.testing.redis.RedisClusterHandle;
import io.kubezen.watcher.testing.redis.RedisDeployment;
import io.kubezen.watcher.testing.redis.RedisTopology;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@WithRedis(RedisTopology.CLUSTER)
class RedisConfigProjectionClusterIT extends RedisConfigProjectionIT {

    private static final Duration FAILOVER = Duration.ofSeconds(45);
    /** The slots {@code redis-cli --cluster create} gives the first master, the one {@link RedisClusterHandle#killMaster()} kills. */
    private static final int FIRST_MASTER_LAST_SLOT = 5460;

    private final RedisDeployment redis;

    RedisConfigProjectionClusterIT(RedisDeployment redis) {
        super(redis);
        this.redis = redis;
    }

    @Test
    void aListenerSubscribesToTheShardChannelOnTheMasterOfTheProjection() throws Exception {
        try (AutoCloseable listening = secondProcess().listen(() -> { })) {
            Map<String, Long> counts = ((RedisAdvancedClusterCommands<String, String>) redis.sync())
                    .nodes(node -> node.hasSlot(SlotHash.getSlot("zw:config:sources"))).commands()
                    .pubsubShardNumsub("zw:config:sources").stream().findFirst().orElseThrow();

            assertThat(counts).containsEntry("zw:config:sources", 1L);
        }
    }

    @Test
    void aListenerHearsTheReplicaThatTookOverFromACrashedMaster(@DedicatedRedis RedisClusterHandle cluster)
            throws Exception {
        RedisConnectionOptions options = cluster.options().withKeyPrefix(prefixOnTheFirstMaster());
        int slot = SlotHash.getSlot(options.keyPrefix() + "config:sources");
        ConfigProjection controller = new RedisConfigProjection(connectors.open(options));
        AtomicInteger notices = new AtomicInteger();
        try (AutoCloseable listening = new RedisConfigProjection(connectors.open(options)).listen(notices::incrementAndGet)) {
            String before = masterOf(options, slot);

            cluster.killMaster();
            cluster.awaitPromotion(FAILOVER);

            assertThat(masterOf(options, slot)).isNotEqualTo(before);
            Await.until("a notice from the promoted master", FAILOVER, () -> {
                publishIfReachable(controller);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                return notices.get() > 0;
            });
        }
    }

    private static String prefixOnTheFirstMaster() {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "failover" + i + ":")
                .filter(prefix -> SlotHash.getSlot(prefix + "config:sources") <= FIRST_MASTER_LAST_SLOT)
                .findFirst().orElseThrow();
    }

    /** Asked through a client of its own, which learns the topology afresh from the nodes that are up. */
    private String masterOf(RedisConnectionOptions options, int slot) {
        String nodes = RedisCalls.await(connectors.open(options).shared().async().clusterNodes(), "cluster nodes");
        return ClusterPartitionParser.parse(nodes).getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.hasSlot(slot)
                        && !node.is(RedisClusterNode.NodeFlag.FAIL))
                .map(RedisClusterNode::getNodeId).findFirst().orElse("none");
    }

    private static void publishIfReachable(ConfigProjection controller) {
        try {
            controller.publish(Map.of());
        } catch (StoreUnavailableException e) {
            // The controller's own client has not found the promoted master yet; the next round tries again.
        }
    }
}
