package io.kubezen.watcher.testing.crd;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterAll;

import java.util.Set;

/** The examples against the in-process API server. */
class DeployExamplesIT extends DeployExamplesContract {

    private TestApiServer server;

    @Override
    protected ApiClient connect(Set<String> namespaces) {
        server = TestApiServer.builder().repositoryCrds().namespaces(namespaces.toArray(String[]::new)).build().start();
        return server.apiClient();
    }

    @AfterAll
    void stop() {
        server.close();
    }
}
