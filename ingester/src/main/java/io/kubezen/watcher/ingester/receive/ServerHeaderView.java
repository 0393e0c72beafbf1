package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.source.HeaderView;
import io.micronaut.http.HttpHeaders;

import java.util.function.BiConsumer;

/** The request's own headers, read where the server keeps them; their names are already case-insensitive there. */
final class ServerHeaderView extends HeaderView {

    private final HttpHeaders headers;

    ServerHeaderView(HttpHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected String first(String name) {
        return headers.get(name);
    }

    @Override
    protected void forEachHeader(BiConsumer<String, String> action) {
        headers.forEachValue(action);
    }
}
