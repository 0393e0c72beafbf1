package io.kubezen.watcher.bench.bare;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/**
 * Same route, same buffered {@code byte[]} body and an answer of the same size as the ingester's
 * {@code POST /ingest/{source}}, and nothing else. It answers on the event loop: the ceiling is that of the HTTP
 * stack itself, so the ratio also shows what the ingester's hand-off to a blocking thread costs.
 */
@Controller("/ingest")
@Requires(missingProperty = LibraryFloorEndpoint.PARTS_PROPERTY)
class BareController {

    @Post(uri = "/{source}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> ingest(@PathVariable String source, @Nullable @Body byte[] body) {
        return HttpResponse.accepted().body("{\"source\":\"" + source
                + "\",\"received\":1,\"accepted\":1,\"duplicates\":0,\"filtered\":0}");
    }
}
