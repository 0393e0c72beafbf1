package io.kubezen.watcher.testing.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link RedisExtension} for a Redis of the test's own instead of the shared one: for tests that stop,
 * kill or reconfigure it. Works on a {@link RedisServerHandle}, {@link RedisClusterHandle},
 * {@link RedisSentinelHandle} or {@link RedisTlsHandle} parameter. The server lives as long as the scope that asked (a test method, or the class when
 * requested by a constructor or {@code @BeforeAll}) and is then stopped and deleted.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DedicatedRedis {

    /** Start it with the append-only file on ({@link RedisServerOptions#APPEND_ONLY}); standalone servers only. */
    boolean appendOnly() default false;
}
