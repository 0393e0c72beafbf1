package io.kubezen.watcher.controller.logs.redis;

import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.LogPosition;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.redis.RedisCalls;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One hash per container, {@code zw:logs:<source>:<namespace>/<pod>/<container>} with fields {@code time} (RFC 3339
 * with nanoseconds) and {@code lines}, readable with {@code redis-cli HGETALL}. Single-key commands only, so Redis
 * Cluster spreads the containers over its shards. No expiry: the record goes when its pod goes.
 */
public final class RedisLogPositionStore implements LogPositionStore {

    private static final String TIME = "time";
    private static final String LINES = "lines";

    private final RedisConnector connector;
    private final RedisKeys keys;

    public RedisLogPositionStore(RedisConnector connector) {
        this.connector = connector;
        this.keys = connector.keys();
    }

    @Override
    public Optional<LogPosition> get(String source, ContainerKey container) {
        Map<String, String> hash = RedisCalls.await(connector.shared().async()
                .hgetall(keys.logPosition(source, container.toString())), "log position read");
        if (hash == null || !hash.containsKey(TIME) || !hash.containsKey(LINES)) {
            return Optional.empty();
        }
        return Optional.of(new LogPosition(Instant.parse(hash.get(TIME)), Long.parseLong(hash.get(LINES))));
    }

    @Override
    public void put(String source, ContainerKey container, LogPosition position) {
        RedisCalls.await(connector.shared().async().hset(keys.logPosition(source, container.toString()),
                Map.of(TIME, position.time().toString(), LINES, Long.toString(position.linesAtTime()))),
                "log position write");
    }

    @Override
    public void forget(String source, ContainerKey container) {
        RedisCalls.await(connector.shared().async().del(keys.logPosition(source, container.toString())),
                "log position delete");
    }
}
