package io.kubezen.watcher.testing.kube.real;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against this JVM's real kube-apiserver through {@link RealApiServerExtension}: declare a
 * {@link RealApiServer} parameter (constructor, lifecycle or test method). Name such classes {@code *RealApiIT}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealApiServerExtension.class)
public @interface WithRealApiServer {
}
