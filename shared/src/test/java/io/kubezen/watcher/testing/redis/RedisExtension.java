package io.kubezen.watcher.testing.redis;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Injects real Redis into tests. A {@link RedisDeployment} parameter gets the Redis of the test class's
 * {@link WithRedis} topology; a {@link RedisServerHandle} or {@link RedisClient} parameter gets the standalone
 * server, a {@link RedisClusterHandle}, {@link RedisSentinelHandle} or {@link RedisTlsHandle} parameter its own
 * topology. Each topology is started once per JVM, on first use, and stopped when the test run ends; it is
 * flushed before every test, so tests see an empty Redis. Tests in a JVM therefore must not run concurrently against it
 * (JUnit's default). A handle parameter annotated {@link DedicatedRedis} gets a fresh one of its own, which it may
 * stop, kill or fail over.
 *
 * <p>The Cluster, Sentinel and TLS topologies need {@code redis-server} (and {@code redis-cli}, or {@code openssl})
 * on the PATH; where they are missing, the tests that need them are skipped with a message saying what to install,
 * unless {@value #REQUIRED_VARIABLE} is set (as {@code .ci/run} does), which makes them fail instead.
 */
public final class RedisExtension implements ParameterResolver, BeforeEachCallback, ExecutionCondition {

    static final String REQUIRED_VARIABLE = "ZW_REDIS_TOPOLOGIES_REQUIRED";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);
    private static final Map<Class<?>, RedisTopology> HANDLES = Map.of(
            RedisServerHandle.class, RedisTopology.STANDALONE,
            RedisClusterHandle.class, RedisTopology.CLUSTER,
            RedisSentinelHandle.class, RedisTopology.SENTINEL,
            RedisTlsHandle.class, RedisTopology.TLS);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return (type == RedisDeployment.class && !parameter.isAnnotated(DedicatedRedis.class))
                || HANDLES.containsKey(type)
                || (type == RedisClient.class && !parameter.isAnnotated(DedicatedRedis.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.isAnnotated(DedicatedRedis.class)) {
            return dedicated(parameter, context);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisDeployment.class) {
            return shared(context, topology(context));
        }
        if (type == RedisClient.class) {
            return ((RedisServerHandle) shared(context, RedisTopology.STANDALONE)).client();
        }
        return shared(context, HANDLES.get(type));
    }

    /** Skips a class or test that needs a topology whose tools this machine lacks. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<RedisTopology> needed = EnumSet.noneOf(RedisTopology.class);
        context.getTestMethod().ifPresentOrElse(method -> needed.addAll(topologies(method, context)), () -> {
            needed.add(topology(context));
            Arrays.stream(context.getRequiredTestClass().getDeclaredConstructors())
                    .forEach(constructor -> needed.addAll(topologies(constructor, context)));
        });
        List<String> missing = new ArrayList<>();
        for (RedisTopology topology : needed) {
            for (String tool : tools(topology)) {
                if (RedisServers.onPath(tool).isEmpty() && !missing.contains(tool)) {
                    missing.add(tool);
                }
            }
        }
        if (missing.isEmpty() || "1".equals(System.getenv(REQUIRED_VARIABLE))) {
            return ConditionEvaluationResult.enabled("the Redis tools it needs are on the PATH, or they are required");
        }
        return ConditionEvaluationResult.disabled("Redis " + needed + " needs " + missing + " on the PATH: "
                + "apt-get install redis-server redis-tools openssl (.ci/run installs them; set " + REQUIRED_VARIABLE
                + "=1 to fail instead of skipping)");
    }

    /** Runs before the test's own {@code @BeforeEach} methods, so what they put into Redis stays. */
    @Override
    public void beforeEach(ExtensionContext context) {
        for (RedisTopology topology : RedisTopology.values()) {
            RedisDeployment shared = context.getRoot().getStore(NAMESPACE).get(topology, RedisDeployment.class);
            if (shared instanceof RedisServerHandle server) {
                server.start();
            }
            if (shared != null) {
                shared.flushAll();
            }
        }
    }

    private static Set<RedisTopology> topologies(Executable executable, ExtensionContext context) {
        Set<RedisTopology> topologies = EnumSet.noneOf(RedisTopology.class);
        for (Class<?> type : executable.getParameterTypes()) {
            if (HANDLES.containsKey(type)) {
                topologies.add(HANDLES.get(type));
            } else if (type == RedisDeployment.class) {
                topologies.add(topology(context));
            }
        }
        return topologies;
    }

    /** What a topology starts besides the JVM; the standalone server falls back to the embedded-redis jar. */
    private static List<String> tools(RedisTopology topology) {
        return switch (topology) {
            case STANDALONE -> List.of();
            case CLUSTER -> List.of("redis-server", "redis-cli");
            case SENTINEL -> List.of("redis-server");
            case TLS -> List.of("redis-server", "openssl");
            case REDIS_6_2 -> List.of();
        };
    }

    private static RedisTopology topology(ExtensionContext context) {
        WithRedis annotation = context.getRequiredTestClass().getAnnotation(WithRedis.class);
        return annotation == null ? RedisTopology.STANDALONE : annotation.value();
    }

    private static RedisDeployment shared(ExtensionContext context, RedisTopology topology) {
        Supplier<RedisDeployment> start = switch (topology) {
            case STANDALONE -> () -> RedisServers.start(RedisServerOptions.DEFAULT);
            case CLUSTER -> RedisClusterHandle::start;
            case SENTINEL -> RedisSentinelHandle::start;
            case TLS -> RedisTlsHandle::start;
            case REDIS_6_2 -> () -> RedisServers.start(RedisServerKind.EMBEDDED, RedisServerOptions.DEFAULT);
        };
        // The root store closes AutoCloseable values when the run ends, which stops every process of it.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(topology, key -> start.get(),
                RedisDeployment.class);
    }

    private static Object dedicated(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean appendOnly = parameter.findAnnotation(DedicatedRedis.class).orElseThrow().appendOnly();
        AutoCloseable handle = switch (HANDLES.get(type)) {
            case CLUSTER -> RedisClusterHandle.start();
            case SENTINEL -> RedisSentinelHandle.start();
            case TLS -> RedisTlsHandle.start();
            case STANDALONE -> RedisServers.start(appendOnly ? RedisServerOptions.APPEND_ONLY : RedisServerOptions.DEFAULT);
            case REDIS_6_2 -> RedisServers.start(RedisServerKind.EMBEDDED,
                    appendOnly ? RedisServerOptions.APPEND_ONLY : RedisServerOptions.DEFAULT);
        };
        // The store closes AutoCloseable values when its scope ends, which stops every process of it.
        context.getStore(NAMESPACE).put(parameter.getDeclaringExecutable() + "#" + parameter.getIndex(), handle);
        return handle;
    }
}
