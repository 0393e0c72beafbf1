package io.kubezen.watcher.testing.redis;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class real Redis through {@link RedisExtension}: declare a {@link RedisDeployment} parameter for
 * a Redis of the class's {@link #value() topology}, or a {@link RedisServerHandle} for the standalone server. A
 * subclass annotated with another topology runs the same tests against that one.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RedisExtension.class)
public @interface WithRedis {

    RedisTopology value() default RedisTopology.STANDALONE;
}
