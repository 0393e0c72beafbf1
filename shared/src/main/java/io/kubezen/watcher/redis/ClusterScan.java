package io.kubezen.watcher.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.util.List;

/**
 * SCAN over every master of a Redis Cluster, one master after the other in node-id order, with a cursor that is
 * plain text ({@code nodeId:cursor}). Lettuce's own cluster SCAN keeps its position in a client-side object, which
 * an admin API cannot hand to a caller and take back on the next request. When the node a cursor names has left
 * the topology (failed over), the scan goes on with the next master in order: like SCAN itself, it may then
 * return a key twice, and it still reaches every master that was there from start to end.
 */
final class ClusterScan {

    private static final String FIRST = "0";

    private ClusterScan() {
    }

    static ScanPage page(StatefulRedisClusterConnection<String, String> connection, String cursor, ScanArgs args) {
        List<String> masters = connection.getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.is(RedisClusterNode.NodeFlag.FAIL))
                .map(RedisClusterNode::getNodeId)
                .sorted()
                .toList();
        if (masters.isEmpty()) {
            return new ScanPage(List.of(), null);
        }
        String node = masters.get(0);
        String position = FIRST;
        if (cursor != null) {
            int colon = cursor.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("'" + cursor + "' is not a cluster scan cursor");
            }
            node = cursor.substring(0, colon);
            position = cursor.substring(colon + 1);
            if (!masters.contains(node)) {
                String gone = node;
                node = masters.stream().filter(id -> id.compareTo(gone) > 0).findFirst().orElse(null);
                position = FIRST;
                if (node == null) {
                    return new ScanPage(List.of(), null);
                }
            }
        }
        KeyScanCursor<String> step = RedisCalls.await(
                connection.getConnection(node).async().scan(ScanCursor.of(position), args), "scan");
        if (!step.isFinished()) {
            return new ScanPage(step.getKeys(), node + ":" + step.getCursor());
        }
        int next = masters.indexOf(node) + 1;
        return new ScanPage(step.getKeys(), next < masters.size() ? masters.get(next) + ":" + FIRST : null);
    }
}
