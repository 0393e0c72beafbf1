package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * True when this process can reach a Kubernetes API server: in a pod (the service account's environment), with
 * a kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}), or with {@code kubernetes.client.base-path}.
 * Otherwise the writer writes to the embedded local sink.
 */
public final class KubernetesConfigured implements Condition {

    static final String BASE_PATH = "kubernetes.client.base-path";

    @Override
    public boolean matches(ConditionContext context) {
        return isConfigured(context.containsProperty(BASE_PATH));
    }

    static boolean isConfigured(boolean basePathSet) {
        return basePathSet
                || System.getenv("KUBERNETES_SERVICE_HOST") != null
                || System.getenv("KUBECONFIG") != null
                || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    /** The opposite, for the local sink. */
    public static final class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context) {
            return !isConfigured(context.containsProperty(BASE_PATH));
        }
    }
}
