package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubezen.watcher.controller.logs.ContainerKey;
import okhttp3.Call;
import okhttp3.Response;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens {@code GET pods/{name}/log?container=…&follow=true&timestamps=true&sinceTime=…}. client-java's generated
 * call has no {@code sinceTime} (the OpenAPI document leaves it out), so the request is built with the client's own
 * {@code buildCall}, which applies its authentication as for any other call.
 */
final class PodLogStreams {

    private static final String[] AUTH = {"BearerToken"};

    private final ApiClient client;

    PodLogStreams(ApiClient client) {
        this.client = client;
    }

    /** @param since whole seconds, as the API takes {@code sinceTime} */
    LogStream open(ContainerKey container, Instant since) throws IOException {
        String path = "/api/v1/namespaces/" + client.escapeString(container.namespace()) + "/pods/"
                + client.escapeString(container.pod()) + "/log";
        List<Pair> query = List.of(new Pair("container", container.container()), new Pair("follow", "true"),
                new Pair("timestamps", "true"), new Pair("sinceTime", since.toString()));
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/plain"));
        Call call;
        try {
            call = client.buildCall(client.getBasePath(), path, "GET", query, List.of(), null, headers,
                    new HashMap<>(), new HashMap<>(), AUTH, null);
        } catch (ApiException e) {
            throw new IOException("cannot build the log request of " + container, e);
        }
        Response response = call.execute();
        if (!response.isSuccessful()) {
            String body = response.body() == null ? "" : response.body().string();
            response.close();
            throw new IOException("log of " + container + " answered HTTP " + response.code() + ": " + body);
        }
        return new LogStream(call, response);
    }
}
