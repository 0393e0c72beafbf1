package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The one HTTP entry point: records the request, answers an armed fault if one matches, then serves discovery,
 * a watch, a pod's log or a resource request. Every failure leaves as a {@code v1 Status}.
 */
final class ApiHandler implements HttpHandler {

    private final RequestJournal journal;
    private final DiscoveryDocuments discovery;
    private final ResourceRegistry registry;
    private final ResourceEndpoints endpoints;
    private final PodLogs logs;

    ApiHandler(RequestJournal journal, DiscoveryDocuments discovery, ResourceRegistry registry,
               ResourceEndpoints endpoints, PodLogs logs) {
        this.journal = journal;
        this.discovery = discovery;
        this.registry = registry;
        this.endpoints = endpoints;
        this.logs = logs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (ApiError e) {
            send(exchange, e.code(), e.status());
        } catch (IOException e) {
            // The client went away mid-answer; there is nobody left to tell.
        } catch (RuntimeException e) {
            send(exchange, 500, ApiError.ofCode(500, "test API server failed: " + e).status());
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        // Read the body first: the JDK server cannot reuse a connection whose request body was left unread.
        byte[] body = exchange.getRequestBody().readAllBytes();
        Fault fault = journal.record(method, path, exchange.getRequestHeaders().getFirst("Authorization"));
        if (fault != null) {
            answer(exchange, fault);
            return;
        }
        JsonNode document = "GET".equals(method) ? discovery.find(path) : null;
        if (document != null) {
            send(exchange, 200, document);
            return;
        }
        ApiRequest request = ApiRequest.parse(path, uri.getRawQuery(), registry);
        if (PodLogs.isLogRequest(method, request)) {
            logs.serve(exchange, request);
            return;
        }
        if ("GET".equals(method) && request.name() == null) {
            ListOptions options = ListOptions.from(request.query(), request.type());
            if (options.watch()) {
                endpoints.watch(exchange, request, options);
                return;
            }
        }
        JsonNode response = endpoints.handle(method, request, exchange.getRequestHeaders().getFirst("Content-Type"),
                body);
        send(exchange, "POST".equals(method) ? 201 : 200, response);
    }

    private static void answer(HttpExchange exchange, Fault fault) throws IOException {
        Duration retryAfter = fault.retryAfter();
        ObjectNode status = ApiError.ofCode(fault.status(), "injected fault: " + fault.status()).status();
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
            status.putObject("details").put("retryAfterSeconds", retryAfter.toSeconds());
        }
        send(exchange, fault.status(), status);
    }

    private static void send(HttpExchange exchange, int code, JsonNode body) throws IOException {
        byte[] bytes = Json.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
