package io.kubezen.watcher.controller.gc.kubernetes;

import io.kubernetes.client.openapi.ApiException;
import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.ObservationStore;
import io.kubezen.watcher.controller.gc.ObservationStoreContract;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.kubezen.watcher.testing.kube.Fault;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesObservationStoreIT extends ObservationStoreContract {

    private TestApiServer server;
    private TestObservations observations;

    @Override
    protected ObservationStore createStore() {
        server = TestApiServer.builder().repositoryCrds().namespaces("team-a", "team-b").clock(clock).build().start();
        observations = new TestObservations(server.apiClient());
        return new KubernetesObservationStore(server.apiClient());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected void add(String namespace, String name, Long ttlSeconds, String source, String severity) {
        try {
            observations.create(namespace, name, ttlSeconds, source, severity);
        } catch (ApiException e) {
            throw new IllegalStateException("creating " + name + " answered " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    @Override
    protected void addOfInstall(String install, String namespace, String name) {
        try {
            observations.createOfInstall(install, namespace, name, null);
        } catch (ApiException e) {
            throw new IllegalStateException("creating " + name + " answered " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    @Test
    void observationsNotManagedByZenWatcherAreLeftAlone() throws ApiException {
        observations.create("team-a", "ours", null, "falco", "high");
        observations.create("team-a", "someone-elses", null, "falco", "high", "another-tool");

        assertThat(store.list(ObservationSelector.ALL, null, 10).items()).extracting(StoredObservation::name)
                .containsExactly("ours");
    }

    @Test
    void anUnavailableApiServerIsAStoreFailure() {
        server.inject(Fault.status(503).on("GET", ".*/observations"));

        assertThatThrownBy(() -> store.list(ObservationSelector.ALL, null, 10))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("503");
    }
}
