package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/** Maps the verbs of a resource request onto reads, writes and watches. */
final class ResourceEndpoints {

    private final ObjectStore store;
    private final ResourceReads reads;
    private final ResourceWrites writes;
    private final WatchStream watches;

    ResourceEndpoints(ObjectStore store, ResourceReads reads, ResourceWrites writes, WatchStream watches) {
        this.store = store;
        this.reads = reads;
        this.writes = writes;
        this.watches = watches;
    }

    /** Answers a non-watch request; the body is the response document, the status 201 for create, else 200. */
    JsonNode handle(String method, ApiRequest request, String contentType, byte[] body) {
        ResourceType type = request.type();
        String ns = request.namespace();
        String name = request.name();
        boolean collection = name == null;
        return switch (method) {
            case "GET" -> collection ? reads.list(type, ns, ListOptions.from(request.query(), type))
                    : reads.get(type, ns, name);
            case "POST" -> {
                if (!collection || (type.namespaced() && ns == null)) {
                    throw ApiError.methodNotAllowed();
                }
                yield writes.create(type, ns, Json.parseObject(body));
            }
            case "PUT" -> writes.update(type, ns, requireName(name), request.isStatus(), Json.parseObject(body));
            case "PATCH" -> writes.patch(type, ns, requireName(name), request.isStatus(), contentType, body);
            case "DELETE" -> collection ? writes.deleteCollection(type, ns, ListOptions.from(request.query(), type))
                    : writes.delete(type, ns, name, body);
            default -> throw ApiError.methodNotAllowed();
        };
    }

    void watch(HttpExchange exchange, ApiRequest request, ListOptions options) throws IOException {
        Subscription subscription;
        try {
            subscription = store.watch(options.filter(request.type(), request.namespace()),
                    options.watchFromVersion(), options.sendInitialEvents() && options.allowWatchBookmarks());
        } catch (ApiError e) {
            if (e.code() != 410) {
                throw e;
            }
            WatchStream.serveError(exchange, e);
            return;
        }
        watches.serve(exchange, subscription, options);
    }

    private static String requireName(String name) {
        if (name == null) {
            throw ApiError.methodNotAllowed();
        }
        return name;
    }
}
