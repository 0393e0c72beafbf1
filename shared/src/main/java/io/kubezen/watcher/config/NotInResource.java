package io.kubezen.watcher.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A spec field that the controller's projection or an ingester's application configuration may carry but an
 * Ingester resource may not: the CRD leaves it out, so the API server prunes it from a resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotInResource {
}
