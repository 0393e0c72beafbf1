package io.kubezen.watcher.controller.logs.redis;

import io.kubezen.watcher.controller.handover.redis.RedisHashStore;
import io.kubezen.watcher.controller.logs.ContainerKey;
import io.kubezen.watcher.controller.logs.LogPosition;
import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.redis.RedisKeys;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One hash per container, {@code zw:logs:<source>:<namespace>/<pod>/<container>} with fields {@code time} (RFC 3339
 * with nanoseconds) and {@code lines}. No expiry: the record goes when its pod goes.
 */
public final class RedisLogPositionStore extends RedisHashStore<ContainerKey, LogPosition>
        implements LogPositionStore {

    private static final String TIME = "time";
    private static final String LINES = "lines";

    public RedisLogPositionStore(RedisConnector connector) {
        super(connector, "log position");
    }

    @Override
    protected String hashKey(RedisKeys keys, String source, ContainerKey container) {
        return keys.logPosition(source, container.toString());
    }

    @Override
    protected Map<String, String> encode(LogPosition position) {
        return Map.of(TIME, position.time().toString(), LINES, Long.toString(position.linesAtTime()));
    }

    @Override
    protected Optional<LogPosition> decode(Map<String, String> hash) {
        if (!hash.containsKey(TIME) || !hash.containsKey(LINES)) {
            return Optional.empty();
        }
        return Optional.of(new LogPosition(Instant.parse(hash.get(TIME)), Long.parseLong(hash.get(LINES))));
    }
}
