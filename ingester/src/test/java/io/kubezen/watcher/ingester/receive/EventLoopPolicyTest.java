package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.ingester.auth.AuthSettings;
import io.kubezen.watcher.ingester.auth.SecretRef;
import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.limit.LimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimitDecision;
import io.kubezen.watcher.ingester.limit.RateLimitSettings;
import io.kubezen.watcher.ingester.limit.RateLimiter;
import io.kubezen.watcher.ingester.limit.memory.InMemoryRateLimiter;
import io.kubezen.watcher.ingester.sources.ReceiverSource;
import io.kubezen.watcher.ingester.wiring.ReceiverProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

class EventLoopPolicyTest {

    private static final int BOUND = 16_384;
    private static final SecretResolver SECRETS = new SecretResolver(Map.of("TOKEN", "token-1")::get);
    private static final Optional<RateLimitSettings> RATE_LIMITED = Optional.of(new RateLimitSettings(100, 10));
    private static final RateLimiter IN_MEMORY = new InMemoryRateLimiter(Clock.systemUTC());
    private static final RateLimiter SHARED_STORE = (source, settings) -> RateLimitDecision.ALLOWED;

    static Stream<Arguments> requests() {
        return Stream.of(
                inline("a small plain body of an unauthenticated source", new Case(AuthSettings.none(), 900)),
                inline("a body exactly at the bound", new Case(AuthSettings.none(), BOUND)),
                inline("a bearer source with a rate limit kept in memory", new Case(bearer(), 900)
                        .rateLimit(RATE_LIMITED, IN_MEMORY)),
                inline("a source without rate limit while the limiter is shared",
                        new Case(AuthSettings.none(), 900).rateLimit(Optional.empty(), SHARED_STORE)),
                offloaded("a body over the bound", new Case(AuthSettings.none(), BOUND + 1)),
                offloaded("a gzip body, which may expand", new Case(AuthSettings.none(), 900).encoded("gzip")),
                offloaded("a basic-auth source, whose bcrypt check is slow on purpose",
                        new Case(AuthSettings.basic("falco", SecretRef.env("TOKEN")), 900)),
                offloaded("a rate limit kept in a shared store",
                        new Case(bearer(), 900).rateLimit(RATE_LIMITED, SHARED_STORE)),
                offloaded("a dedup window that must be read from the store",
                        new Case(AuthSettings.none(), 900).windowsInMemory(false)),
                offloaded("inline handling turned off", new Case(AuthSettings.none(), 0).bound(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void runsInlineOnlyWhenNothingOnTheWayCanWait(Case request, boolean inline) {
        assertThat(request.policy().mayStartInline(request.source(), request.bodyBytes(), request.contentEncoding()))
                .isEqualTo(inline);
    }

    private static Arguments inline(String name, Case request) {
        return Arguments.of(named(name, request), true);
    }

    private static Arguments offloaded(String name, Case request) {
        return Arguments.of(named(name, request), false);
    }

    private static AuthSettings bearer() {
        return AuthSettings.bearer(SecretRef.env("TOKEN"));
    }

    private record Case(AuthSettings auth, int bodyBytes, String contentEncoding, int bound,
                        Optional<RateLimitSettings> rate, RateLimiter limiter, boolean windowsInMemory) {

        Case(AuthSettings auth, int bodyBytes) {
            this(auth, bodyBytes, null, BOUND, Optional.empty(), IN_MEMORY, true);
        }

        Case encoded(String coding) {
            return new Case(auth, bodyBytes, coding, bound, rate, limiter, windowsInMemory);
        }

        Case bound(int bytes) {
            return new Case(auth, bodyBytes, contentEncoding, bytes, rate, limiter, windowsInMemory);
        }

        Case rateLimit(Optional<RateLimitSettings> settings, RateLimiter rateLimiter) {
            return new Case(auth, bodyBytes, contentEncoding, bound, settings, rateLimiter, windowsInMemory);
        }

        Case windowsInMemory(boolean inMemory) {
            return new Case(auth, bodyBytes, contentEncoding, bound, rate, limiter, inMemory);
        }

        ReceiverSource source() {
            return new ReceiverSource("falco", null, SourceAuthenticator.create("falco", auth, SECRETS),
                    new LimitSettings(LimitSettings.MIB, LimitSettings.MIB, rate), null);
        }

        EventLoopPolicy policy() {
            ReceiverProperties properties = new ReceiverProperties("zen-system", false, 16_384, bound,
                    LimitSettings.MIB, Duration.ofSeconds(10));
            return new EventLoopPolicy(properties, limiter, new FixedWindows(windowsInMemory));
        }
    }

    private record FixedWindows(boolean inMemory) implements DedupWindows {

        @Override
        public Duration windowFor(String source, Duration configured) {
            return configured;
        }

        @Override
        public boolean answersFromMemory(String source) {
            return inMemory;
        }

        @Override
        public void publish(String source, Duration window) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void withdraw(String source) {
            throw new UnsupportedOperationException();
        }
    }
}
