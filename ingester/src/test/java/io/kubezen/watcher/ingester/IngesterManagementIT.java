package io.kubezen.watcher.ingester;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class IngesterManagementIT {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthProbesAnswerUp() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.GET(path), Map.class);
            assertThat(response.code()).as(path).isEqualTo(HttpStatus.OK.getCode());
            assertThat(response.body()).as(path).containsEntry("status", "UP");
        }
    }

    @Test
    void prometheusEndpointExportsJvmMetrics() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
        assertThat(body).contains("# TYPE jvm_memory_used_bytes gauge");
    }
}
