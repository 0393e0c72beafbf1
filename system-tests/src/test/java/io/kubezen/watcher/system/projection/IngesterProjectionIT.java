package io.kubezen.watcher.system.projection;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.TestApiServer;
import org.junit.jupiter.api.AfterEach;

import java.util.Map;

/** The projection against the in-process API server. */
class IngesterProjectionIT extends IngesterProjectionContract {

    private static final String NAMESPACE = "zen";

    private TestApiServer server;

    @Override
    protected ApiClient connect() {
        server = TestApiServer.builder().repositoryCrds().namespaces(NAMESPACE).build().start();
        return server.apiClient();
    }

    @Override
    protected String prepareNamespace() {
        return NAMESPACE;
    }

    @Override
    protected Map<String, Object> clientProperties() {
        return Map.of("kubernetes.client.base-path", server.baseUrl());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
