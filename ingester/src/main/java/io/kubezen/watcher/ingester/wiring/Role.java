package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

import java.util.List;
import java.util.Locale;

/**
 * The jobs one ingester process does, from {@code zen-watcher.roles} (env {@code ZEN_WATCHER_ROLES}, a comma
 * list; default both): one image serves a Knative receiver Service, which needs no Kubernetes access, and a
 * KEDA-scaled writer Deployment.
 */
public enum Role {
    RECEIVER, WRITER;

    public static final String PROPERTY = "zen-watcher.roles";

    boolean isEnabled(PropertyResolver properties) {
        List<String> roles = properties.getProperty(PROPERTY, List.class, List.of("receiver", "writer"));
        for (Object role : roles) {
            String name = role.toString().trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                if (valueOf(name) == this) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PROPERTY + ": unknown role '" + role
                        + "', expected receiver and/or writer");
            }
        }
        return false;
    }
}
