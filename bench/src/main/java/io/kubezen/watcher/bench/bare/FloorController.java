package io.kubezen.watcher.bench.bare;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.concurrent.CompletionStage;

/** The bare endpoint's route, answering once {@link LibraryFloor} took the event; only in the floor's process. */
@Controller("/ingest")
@Requires(property = LibraryFloorEndpoint.PARTS_PROPERTY)
class FloorController {

    private final LibraryFloor floor;

    FloorController(LibraryFloor floor) {
        this.floor = floor;
    }

    @Post(uri = "/{source}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletionStage<HttpResponse<String>> ingest(@PathVariable String source, @Nullable @Body byte[] body) {
        return floor.accept(body == null ? new byte[0] : body).thenApply(done -> HttpResponse.accepted()
                .body("{\"source\":\"" + source + "\",\"received\":1,\"accepted\":1,\"duplicates\":0,\"filtered\":0}"));
    }
}
