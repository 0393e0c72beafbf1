package io.kubezen.watcher.controller.informer;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.kubezen.watcher.testing.kube.TestApiServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A micronaut-kubernetes {@code @Informer} bean, wired only by configuration, receives the changes made on the
 * in-process API server, in order.
 */
@MicronautTest(environments = Environment.KUBERNETES)
@Property(name = "spec.name", value = "ProbeInformerIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeInformerIT implements TestPropertyProvider {

    private static final String NAMESPACE = "informer-it";
    private static final String GROUP = "harness.kube-zen.io";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestApiServer server = TestApiServer.builder()
            .crdResource("testing/kube/crds/probes.yaml")
            .namespaces(NAMESPACE)
            .build()
            .start();

    @Inject
    RecordingProbeHandler handler;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kubernetes.client.base-path", server.baseUrl(),
                "kubernetes.client.namespace", NAMESPACE);
    }

    /** Stops the application (and its informers) before the server, so they do not see it vanish. */
    @AfterAll
    void stopApplicationThenServer() {
        context.stop();
        server.stop();
    }

    @Test
    void informerBeanSeesAddUpdateDeleteInOrder() throws Exception {
        ApiClient client = server.apiClient();
        CustomObjectsApi api = new CustomObjectsApi(client);
        api.createNamespacedCustomObject(GROUP, "v1alpha1", NAMESPACE, "probes", Map.of(
                "apiVersion", GROUP + "/v1alpha1", "kind", "Probe", "metadata", Map.of("name", "seen"),
                "spec", Map.of("source", "falco", "severity", "high"))).execute();
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(GROUP, "v1alpha1", NAMESPACE, "probes",
                "seen", new V1Patch("{\"spec\":{\"severity\":\"low\"}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        api.deleteNamespacedCustomObject(GROUP, "v1alpha1", NAMESPACE, "probes", "seen").execute();

        List<String> seen = new ArrayList<>();
        while (seen.size() < 3) {
            String event = handler.events().poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("events so far: %s", seen).isNotNull();
            seen.add(event);
        }

        assertThat(seen).containsExactly(
                "add informer-it/seen severity=high",
                "update informer-it/seen severity=low",
                "delete informer-it/seen severity=low");
    }
}
