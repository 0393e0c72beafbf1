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
import io.netty.util.concurrent.EventExecutor;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /ingest/{source}}: the order of the checks is the point. The body is bounded before anything
 * else (the server reads at most {@code micronaut.server.max-request-size}, then the source's own limit applies);
 * credentials are checked before the rate limit, so strangers cannot spend a source's budget; HMAC covers the body
 * as sent, so decoding comes after authentication; the decoded body then waits for its share of the
 * {@link InFlightBudget}, held until the answer, so that a burst cannot fill the heap. A small request whose steps
 * all answer from memory runs on the server's event loop; any other runs on a blocking-pool thread from its first
 * check on, and one whose share is not free at once waits for it there ({@link EventLoopPolicy}). The stores are
 * then waited for without holding a thread, and the answer goes out when the events are durably queued.
 */
@Requires(condition = ReceiverRole.class)
@Controller("/ingest")
class IngestController {

    private static final byte[] EMPTY = new byte[0];

    private final SourceCatalog catalog;
    private final Receiver receiver;
    private final InFlightBudget budget;
    private final EventLoopPolicy eventLoop;
    private final ExecutorService blocking;

    IngestController(SourceCatalog catalog, Receiver receiver, InFlightBudget budget, EventLoopPolicy eventLoop,
                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.catalog = catalog;
        this.receiver = receiver;
        this.budget = budget;
        this.eventLoop = eventLoop;
        this.blocking = blocking;
    }

    @Post(uri = "/{source}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<IngestSummary>> ingest(@PathVariable String source, HttpRequest<?> request,
                                                          @Nullable @Body byte[] body) {
        ReceiverSource target = catalog.find(source).orElseThrow(() -> new UnknownSourceException(source));
        byte[] raw = body == null ? EMPTY : body;
        EventExecutor loop = ChannelLoop.of(request);
        if (!eventLoop.mayStartInline(target, raw.length,
                request.getHeaders().get(ContentDecoding.CONTENT_ENCODING))) {
            return offload(() -> {
                Payload payload = check(target, request, raw);
                return receive(target, payload, budget.acquire(source, payload.body().length), loop);
            });
        }
        Payload payload = check(target, request, raw);
        Optional<InFlightBudget.Share> share = budget.acquireIfFree(raw.length);
        if (share.isPresent()) {
            return receive(target, payload, share.get(), loop);
        }
        return offload(() -> receive(target, payload, budget.acquire(source, raw.length), loop));
    }

    /** The checks before the budget, in their order; returns the decoded payload. */
    private Payload check(ReceiverSource target, HttpRequest<?> request, byte[] raw) {
        String source = target.name();
        BoundedBody.requireWithin(source, target.limits().maxBodyBytes(), raw.length);
        target.authenticator().authenticate(MicronautAuthRequests.from(source, request, raw));
        receiver.checkRateLimit(target);
        byte[] decoded = ContentDecoding.decode(source, raw, request.getHeaders().get(ContentDecoding.CONTENT_ENCODING),
                target.limits().maxDecompressedBytes());
        return new Payload(decoded, request.getHeaders().get("Content-Type"), new ServerHeaderView(request.getHeaders()));
    }

    private CompletableFuture<HttpResponse<IngestSummary>> receive(ReceiverSource target, Payload payload,
                                                                   InFlightBudget.Share share, EventExecutor loop) {
        try {
            return ChannelLoop.continueOn(receiver.receive(target, payload), loop)
                    .whenComplete((summary, failure) -> share.close())
                    .<HttpResponse<IngestSummary>>thenApply(summary -> HttpResponse.accepted().body(summary))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            share.close();
            throw e;
        }
    }

    /**
     * Runs {@code step} on a blocking-pool thread. What it throws fails the answer as it is, not wrapped, so the
     * error handlers see the same exception as when it is thrown on the event loop.
     */
    private CompletableFuture<HttpResponse<IngestSummary>> offload(Step step) {
        CompletableFuture<HttpResponse<IngestSummary>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                step.run().whenComplete((response, failure) -> ChannelLoop.complete(answer, response, failure));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @FunctionalInterface
    private interface Step {

        CompletableFuture<HttpResponse<IngestSummary>> run() throws InterruptedException;
    }
}
