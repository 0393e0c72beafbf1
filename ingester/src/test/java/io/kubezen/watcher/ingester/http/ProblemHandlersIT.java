package io.kubezen.watcher.ingester.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static io.kubezen.watcher.ingester.http.GuardedTestController.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal, ours or the framework's, reaches the sender as problem+json through real Netty. */
@MicronautTest
@Property(name = "spec.name", value = "ProblemHandlersIT")
@Property(name = "micronaut.server.max-request-size", value = "32768")
class ProblemHandlersIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "{\"rule\":\"Terminal shell in container\",\"priority\":\"Warning\"}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aGoodRequestPassesEveryCheck() throws Exception {
        HttpResponse<String> response = send(post("/guarded/good").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(JSON)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(response.body()).get("decoded").asInt()).isEqualTo(JSON.length());
    }

    @Test
    void gzipArrivesCompressedAndIsDecodedByTheReceiverNotNetty() throws Exception {
        byte[] gzip = gzip(JSON.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = send(post("/guarded/gzip").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(gzip)));

        JsonNode body = MAPPER.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(body.get("received").asInt()).isEqualTo(gzip.length);
        assertThat(body.get("decoded").asInt()).isEqualTo(JSON.length());
    }

    @Test
    void noCredentialsIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = send(post("/guarded/falco").POST(BodyPublishers.ofString(JSON)));

        JsonNode problem = assertProblem(response, 401, "Authentication required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"zen-watcher\"");
        assertThat(problem.get("type").asText()).isEqualTo("tag:kube-zen.io,2025:zen-watcher/problem/unauthenticated");
        assertThat(problem.get("detail").asText()).contains("no Authorization header");
        assertThat(problem.get("source").asText()).isEqualTo("falco");
        assertThat(problem.get("field").asText()).isEqualTo("Authorization");
        assertThat(problem.get("instance").asText()).isEqualTo("/guarded/falco");
    }

    @Test
    void aWrongTokenIs401WithInvalidToken() throws Exception {
        HttpResponse<String> response = send(post("/guarded/falco").header("Authorization", "Bearer guess")
                .POST(BodyPublishers.ofString(JSON)));

        assertProblem(response, 401, "Authentication required");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void aClientOutsideTheAllowlistIs403() throws Exception {
        HttpResponse<String> response = send(get("/guarded/far-away"));

        JsonNode problem = assertProblem(response, 403, "Not allowed");
        assertThat(problem.get("detail").asText()).contains("is not in webhook.auth.allowedCidrs");
    }

    @Test
    void theSecondRequestOfASourceIsRateLimitedWithRetryAfter() throws Exception {
        HttpRequest.Builder request = post("/guarded/limited").header("Authorization", "Bearer " + TOKEN)
                .POST(BodyPublishers.ofString(JSON));
        assertThat(send(request).statusCode()).isEqualTo(202);

        HttpResponse<String> response = send(request);

        assertProblem(response, 429, "Rate limit exceeded");
        assertThat(response.headers().firstValue("Retry-After")).contains("1000");
    }

    @Test
    void aBodyOverTheSourceLimitIs413FromTheReceiver() throws Exception {
        HttpResponse<String> response = send(post("/guarded/falco").header("Authorization", "Bearer " + TOKEN)
                .POST(BodyPublishers.ofByteArray(new byte[16 * 1024])));

        JsonNode problem = assertProblem(response, 413, "Payload too large");
        assertThat(problem.get("detail").asText()).contains("limit of 8192 bytes (webhook.limits.maxBodyBytes)");
    }

    @Test
    void aBodyOverTheServerLimitIs413FromNettyAsAProblemToo() throws Exception {
        HttpResponse<String> response = send(post("/guarded/falco").header("Authorization", "Bearer " + TOKEN)
                .POST(BodyPublishers.ofByteArray(new byte[64 * 1024])));

        assertProblem(response, 413, "Request Entity Too Large");
    }

    @Test
    void aGzipBombIs413WhileDecompressing() throws Exception {
        byte[] bomb = gzip(new byte[1024 * 1024]);

        HttpResponse<String> response = send(post("/guarded/bomb").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(bomb)));

        JsonNode problem = assertProblem(response, 413, "Payload too large");
        assertThat(problem.get("detail").asText()).contains("decompressed size exceeded the limit of 1024 bytes");
    }

    @Test
    void brokenGzipIs400() throws Exception {
        HttpResponse<String> response = send(post("/guarded/broken").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofString(JSON)));

        JsonNode problem = assertProblem(response, 400, "Invalid request");
        assertThat(problem.get("detail").asText()).startsWith("The body is not valid gzip");
    }

    @Test
    void textIs415AndAnUnknownEncodingSaysWhichWork() throws Exception {
        HttpResponse<String> text = send(post("/guarded/text").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(JSON)));
        HttpResponse<String> brotli = send(post("/guarded/brotli").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Encoding", "br").POST(BodyPublishers.ofString(JSON)));

        assertThat(assertProblem(text, 415, "Unsupported media type").get("field").asText()).isEqualTo("Content-Type");
        assertProblem(brotli, 415, "Unsupported media type");
        assertThat(brotli.headers().firstValue("Accept-Encoding")).contains("gzip, identity");
    }

    @Test
    void anUnreachableStoreIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = send(get("/guarded/unavailable"));

        JsonNode problem = assertProblem(response, 503, "Temporarily unavailable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(problem.get("detail").asText()).doesNotContain("redis-7");
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() throws Exception {
        HttpResponse<String> response = send(get("/guarded/boom"));

        JsonNode problem = assertProblem(response, 500, "Internal Server Error");
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(response.body()).doesNotContain("redis-7");
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        HttpResponse<String> response = send(post("/no/such/path").POST(BodyPublishers.ofString(JSON)));

        JsonNode problem = assertProblem(response, 404, "Not Found");
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asText())
                .isEqualTo("No route matches POST /no/such/path; webhooks are received at POST /ingest/{source}.");
    }

    @Test
    void theWrongMethodIs405() throws Exception {
        assertProblem(send(get("/guarded/falco")), 405, "Method Not Allowed");
    }

    @Test
    void frameworkRefusalsOfContentTypeAndParametersAreProblemsToo() throws Exception {
        HttpResponse<String> unsupported = send(post("/plain/json-only").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello")));
        HttpResponse<String> badParameter = send(get("/plain/number/abc"));

        assertProblem(unsupported, 415, "Unsupported Media Type");
        assertThat(assertProblem(badParameter, 400, "Bad Request").get("detail").asText()).isNotBlank();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String title) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = MAPPER.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
