package io.kubezen.watcher.ingester.http;

import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.Cidr;
import io.kubezen.watcher.ingester.auth.SecretRef;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.auth.micronaut.MicronautAuthRequests;
import io.kubezen.watcher.ingester.limit.BoundedBody;
import io.kubezen.watcher.ingester.limit.ContentDecoding;
import io.kubezen.watcher.ingester.limit.ContentTypes;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.ingester.limit.memory.InMemoryRateLimiter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A receive path in miniature, built from the auth and limit components the way the ingest controller
 * is meant to use them, so that ProblemHandlersIT sees their refusals come out of real Netty.
 */
@Requires(property = "spec.name", value = "ProblemHandlersIT")
@Controller
class GuardedTestController {

    static final String TOKEN = "it-token";
    static final long MAX_BODY_BYTES = 8 * 1024;
    static final long MAX_DECOMPRESSED_BYTES = 1024;
    // No refill within a test: the second request of a source is refused for 1000 s.
    static final RateLimitSettings ONE_REQUEST = new RateLimitSettings(0.001, 1);

    private static final AuthSettings LOOPBACK_BEARER = AuthSettings.bearer(SecretRef.inline(TOKEN))
            .withNetworks(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1")), List.of());

    private final SecretResolver secrets = new SecretResolver(name -> null);
    private final Map<String, SourceAuthenticator> authenticators = new ConcurrentHashMap<>();
    private final RateLimiter limiter = new InMemoryRateLimiter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final SourceAuthenticator documentationNetOnly = SourceAuthenticator.create("far-away",
            AuthSettings.none().withNetworks(List.of(Cidr.parse("192.0.2.0/24")), List.of()), secrets);

    @Post("/guarded/{source}")
    @Consumes(MediaType.ALL)
    HttpResponse<Map<String, Integer>> receive(String source, HttpRequest<?> request, @Nullable @Body byte[] body) {
        long declared = request.getContentLength();
        byte[] raw = BoundedBody.forRequest(source, MAX_BODY_BYTES,
                        declared < 0 ? OptionalLong.empty() : OptionalLong.of(declared))
                .append(body == null ? new byte[0] : body, 0, body == null ? 0 : body.length)
                .toByteArray();
        authenticators.computeIfAbsent(source, s -> SourceAuthenticator.create(s, LOOPBACK_BEARER, secrets))
                .authenticate(MicronautAuthRequests.from(source, request, raw));
        limiter.acquire(source, ONE_REQUEST);
        ContentTypes.requireJson(source, request.getHeaders().get(ContentTypes.CONTENT_TYPE));
        byte[] json = ContentDecoding.decode(source, raw, request.getHeaders().get(ContentDecoding.CONTENT_ENCODING),
                MAX_DECOMPRESSED_BYTES);
        return HttpResponse.accepted().body(Map.of("received", raw.length, "decoded", json.length));
    }

    @Get("/guarded/far-away")
    HttpResponse<?> farAway(HttpRequest<?> request) {
        documentationNetOnly.authenticate(MicronautAuthRequests.from("far-away", request, new byte[0]));
        return HttpResponse.ok();
    }

    @Get("/guarded/unavailable")
    HttpResponse<?> unavailable() {
        throw new UnavailableException("falco", "the rate limit store", new ConnectException("redis-7.internal:6379 refused"));
    }

    @Get("/guarded/boom")
    HttpResponse<?> boom() {
        throw new IllegalStateException("internal detail: redis-7.internal:6379");
    }

    @Post("/plain/json-only")
    HttpResponse<?> jsonOnly(@Body Map<String, Object> body) {
        return HttpResponse.ok(body);
    }

    @Get("/plain/number/{n}")
    HttpResponse<?> number(int n) {
        return HttpResponse.ok(Map.of("n", n));
    }
}
