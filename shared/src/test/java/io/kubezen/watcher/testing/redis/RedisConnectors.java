package io.kubezen.watcher.testing.redis;

import io.kubezen.watcher.redis.RedisConnectionOptions;
import io.kubezen.watcher.redis.RedisConnector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens {@link RedisConnector}s for a test and closes them after it. Register it as a field:
 * {@code @RegisterExtension final RedisConnectors connectors = new RedisConnectors();}. Each connector
 * is one "process", so two of them behave like two ingesters sharing a Redis.
 */
public final class RedisConnectors implements AfterEachCallback {

    private final List<RedisConnector> open = new ArrayList<>();

    public RedisConnector open(RedisDeployment redis) {
        return open(redis.options());
    }

    public synchronized RedisConnector open(RedisConnectionOptions options) {
        RedisConnector connector = RedisConnector.create(options);
        open.add(connector);
        return connector;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        open.forEach(RedisConnector::close);
        open.clear();
    }
}
