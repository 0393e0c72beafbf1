package io.kubezen.watcher.ingester.health;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubezen.watcher.ingester.wiring.KubernetesConfigured;
import io.kubezen.watcher.ingester.wiring.WriterRole;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** A writer is ready only while it can reach the API server it writes Observations to. */
@Singleton
@Readiness
@Requires(condition = WriterRole.class)
@Requires(condition = KubernetesConfigured.class)
class KubernetesApiHealthIndicator implements HealthIndicator {

    private static final String NAME = "kubernetes";

    private final ApiClient client;

    KubernetesApiHealthIndicator(ApiClient client) {
        this.client = client;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        try {
            String version = new VersionApi(client).getCode().execute().getGitVersion();
            return HealthResult.builder(NAME, HealthStatus.UP).details(Map.of("version", String.valueOf(version))).build();
        } catch (ApiException | RuntimeException e) {
            return HealthResult.builder(NAME, HealthStatus.DOWN)
                    .details(Map.of("error", String.valueOf(e.getMessage()))).build();
        }
    }
}
