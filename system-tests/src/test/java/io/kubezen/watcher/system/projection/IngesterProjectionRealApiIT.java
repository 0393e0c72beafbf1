package io.kubezen.watcher.system.projection;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;

import java.util.Map;

/** The projection against a real kube-apiserver: its informers, status subresource and CEL-checked CRDs. */
@WithRealApiServer
class IngesterProjectionRealApiIT extends IngesterProjectionContract {

    private final RealApiServer server;

    IngesterProjectionRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @Override
    protected ApiClient connect() {
        return server.adminClient();
    }

    @Override
    protected String prepareNamespace() {
        return server.createNamespace("zen");
    }

    @Override
    protected Map<String, Object> clientProperties() {
        return server.adminClientProperties();
    }
}
