package io.kubezen.watcher.ingester.receive;

import io.micronaut.context.annotation.Requires;
import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.kubezen.watcher.ingester.auth.micronaut.MicronautAuthRequests;
import io.kubezen.watcher.ingester.limit.BoundedBody;
import io.kubezen.watcher.ingester.limit.ContentDecoding;
import io.kubezen.watcher.ingester.limit.InFlightBudget;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.ingester.sources.SourceCatalog;
import io.kubezen.watcher.source.Payload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /ingest/{source}}: the order of the checks is the point. The body is bounded before anything
 * else (the server reads at most {@code micronaut.server.max-request-size}, then the source's own limit applies);
 * credentials are checked before the rate limit, so strangers cannot spend a source's budget; HMAC covers the body
 * as sent, so decoding comes after authentication; the decoded body then waits for its share of the
 * {@link InFlightBudget}, held until the answer, so that a burst cannot fill the heap. The checks and the pipeline
 * run on a blocking-pool thread (a large audit batch takes a while); the stores are then waited for without
 * holding it, and the answer goes out when the events are durably queued.
 */
@Requires(condition = ReceiverRole.class)
@Controller("/ingest")
class IngestController {

    private final SourceCatalog catalog;
    private final Receiver receiver;
    private final InFlightBudget budget;

    IngestController(SourceCatalog catalog, Receiver receiver, InFlightBudget budget) {
        this.catalog = catalog;
        this.receiver = receiver;
        this.budget = budget;
    }

    @Post(uri = "/{source}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<HttpResponse<IngestSummary>> ingest(@PathVariable String source, HttpRequest<?> request,
                                                          @Nullable @Body byte[] body) throws InterruptedException {
        ReceiverSource target = catalog.find(source).orElseThrow(() -> new UnknownSourceException(source));
        byte[] raw = body == null ? new byte[0] : body;
        BoundedBody.requireWithin(source, target.limits().maxBodyBytes(), raw.length);
        target.authenticator().authenticate(MicronautAuthRequests.from(source, request, raw));
        receiver.checkRateLimit(target);
        byte[] decoded = ContentDecoding.decode(source, raw, request.getHeaders().get(ContentDecoding.CONTENT_ENCODING),
                target.limits().maxDecompressedBytes());
        Payload payload = new Payload(decoded, request.getHeaders().get("Content-Type"), headers(request));
        InFlightBudget.Share share = budget.acquire(source, decoded.length);
        try {
            return receiver.receive(target, payload).whenComplete((summary, failure) -> share.close())
                    .<HttpResponse<IngestSummary>>thenApply(summary -> HttpResponse.accepted().body(summary))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            share.close();
            throw e;
        }
    }

    private static Map<String, String> headers(HttpRequest<?> request) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEachValue((name, value) -> headers.putIfAbsent(name, value));
        return headers;
    }
}
