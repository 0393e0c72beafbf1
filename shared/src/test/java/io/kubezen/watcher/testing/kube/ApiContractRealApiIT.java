package io.kubezen.watcher.testing.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;

/** The API contract against the real kube-apiserver of {@code testing/kube-apiserver}, which proves it. */
@WithRealApiServer
class ApiContractRealApiIT extends KubernetesApiContract {

    @Override
    protected ApiClient connect() {
        RealApiServer server = RealApiServer.shared();
        FIXTURE_CRDS.forEach(server::applyCrdResource);
        return server.adminClient();
    }

    @Override
    protected void disconnect() {
        // The server is shared by the JVM; the contract's namespaces are left behind with it.
    }
}
