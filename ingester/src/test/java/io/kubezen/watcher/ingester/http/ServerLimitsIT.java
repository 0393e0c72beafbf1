package io.kubezen.watcher.ingester.http;

import io.kubezen.watcher.config.LimitsSpec;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The server settings in application.yml leave body limits and decoding to the receiver. */
@MicronautTest
@Property(name = "spec.name", value = "ServerLimitsIT")
class ServerLimitsIT {

    @Inject
    EmbeddedServer server;

    @Inject
    NettyHttpServerConfiguration configuration;

    @Test
    void nettyPassesTheLargestSourceLimitThrough() throws Exception {
        int size = (int) LimitsSpec.DEFAULT_K8S_AUDIT_MAX_BODY_BYTES;
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/sized"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Integer.toString(size));
    }

    @Test
    void nettyLeavesContentEncodingToTheReceiver() {
        assertThat(configuration.isRequestDecompressionEnabled()).isFalse();
    }

    @Requires(property = "spec.name", value = "ServerLimitsIT")
    @Controller
    static class SizedController {

        @Post("/sized")
        @Consumes(MediaType.ALL)
        String sized(@Body byte[] body) {
            return Integer.toString(body.length);
        }
    }
}
