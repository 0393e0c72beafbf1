package io.kubezen.watcher.testing.redis;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects real Redis into tests. A {@link RedisServerHandle} or {@link RedisClient} parameter gets the one
 * server shared by the whole JVM, started on first use and stopped when the test run ends; it is flushed
 * before every test, so tests see an empty Redis. Tests in a JVM therefore must not run concurrently against
 * it (JUnit's default). A handle parameter annotated {@link DedicatedRedis} gets a fresh server of its own.
 */
public final class RedisExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);
    private static final String SHARED = "shared-server";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServerHandle.class
                || (type == RedisClient.class && !parameter.isAnnotated(DedicatedRedis.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.isAnnotated(DedicatedRedis.class)) {
            return dedicated(parameter, context);
        }
        RedisServerHandle shared = shared(context);
        return parameter.getParameter().getType() == RedisClient.class ? shared.client() : shared;
    }

    /** Runs before the test's own {@code @BeforeEach} methods, so what they put into Redis stays. */
    @Override
    public void beforeEach(ExtensionContext context) {
        RedisServerHandle shared = context.getRoot().getStore(NAMESPACE).get(SHARED, RedisServerHandle.class);
        if (shared != null) {
            shared.start();
            shared.flushAll();
        }
    }

    private static RedisServerHandle shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                SHARED, key -> RedisServers.start(RedisServerOptions.DEFAULT), RedisServerHandle.class);
    }

    private static RedisServerHandle dedicated(ParameterContext parameter, ExtensionContext context) {
        boolean appendOnly = parameter.findAnnotation(DedicatedRedis.class).orElseThrow().appendOnly();
        RedisServerHandle handle = RedisServers.start(
                appendOnly ? RedisServerOptions.APPEND_ONLY : RedisServerOptions.DEFAULT);
        // The store closes AutoCloseable values when its scope ends, which stops the server.
        context.getStore(NAMESPACE).put(parameter.getDeclaringExecutable() + "#" + parameter.getIndex(), handle);
        return handle;
    }
}
