package io.kubezen.watcher.ingester.health;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubezen.watcher.ingester.wiring.KubernetesConfigured;
import io.kubezen.watcher.ingester.wiring.WriterRole;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.Map;

/** A writer is ready only while it can reach the API server it writes Observations to. */
@Singleton
@Readiness
@Requires(condition = WriterRole.class)
@Requires(condition = KubernetesConfigured.class)
class KubernetesApiHealthIndicator extends RoundTripHealthIndicator {

    private final ApiClient client;

    KubernetesApiHealthIndicator(ApiClient client) {
        super("kubernetes");
        this.client = client;
    }

    @Override
    Map<String, Object> roundTrip() throws ApiException {
        String version = new VersionApi(client).getCode().execute().getGitVersion();
        return Map.of("version", String.valueOf(version));
    }
}
