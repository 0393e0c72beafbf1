package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.openapi.ApiClient;

/** The API contract against the in-process server. */
class TestApiServerIT extends KubernetesApiContract {

    private TestApiServer server;

    @Override
    protected ApiClient connect() {
        TestApiServer.Builder builder = TestApiServer.builder();
        FIXTURE_CRDS.forEach(builder::crdResource);
        server = builder.build().start();
        return server.apiClient();
    }

    @Override
    protected void disconnect() {
        server.stop();
    }
}
