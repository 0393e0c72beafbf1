package io.kubezen.watcher.controller.gc;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.testing.kube.real.RealApiServer;
import io.kubezen.watcher.testing.kube.real.WithRealApiServer;

/** GC's paging and TTLs against a real kube-apiserver: its continue tokens, its deletes with uid preconditions. */
@WithRealApiServer
class GcDutyRealApiIT extends GcDutyContract {

    private final RealApiServer server;

    GcDutyRealApiIT(RealApiServer server) {
        this.server = server;
    }

    @Override
    protected ApiClient client() {
        return server.adminClient();
    }

    @Override
    protected String namespace(String prefix) {
        return server.createNamespace(prefix);
    }

    @Override
    protected int scale() {
        return 200;
    }
}
