package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.limit.InFlightBudget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small requests run on the server's event loop, which must never wait: with a single event loop, a request whose
 * share of the in-flight budget is not free waits for it on a blocking-pool thread while the loop serves others.
 */
class EventLoopReceiveIT {

    /** More than the whole budget, which such a share takes all of. */
    private static final long EVERYTHING = 1L << 40;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Ingester ingester;

    @BeforeAll
    static void start() {
        ingester = Ingester.start(Map.of(
                "micronaut.netty.event-loops.default.num-threads", 1,
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "zen-watcher.receiver.max-in-flight-wait", "5m"));
    }

    @AfterAll
    static void stop() {
        ingester.close();
    }

    @Test
    void aSmallRequestWhoseShareIsTakenWaitsOffTheEventLoopAndIsThenAnswered() throws Exception {
        InFlightBudget budget = ingester.bean(InFlightBudget.class);
        CompletableFuture<HttpResponse<String>> waiting;
        try (InFlightBudget.Share everything = budget.acquire("test", EVERYTHING)) {
            waiting = CompletableFuture.supplyAsync(() -> ingester.post("/ingest/falco", Fixtures.falcoEvent(1),
                    "Content-Type", "application/json"));
            Thread waiter = threadWaitingForTheBudget();

            assertThat(waiter.getName()).startsWith("io-executor-thread");
            assertThat(ingester.get("/health/liveness").statusCode()).as("the event loop still serves").isEqualTo(200);
            assertThat(waiting).isNotDone();
        }
        HttpResponse<String> answer = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"accepted\":1");
    }

    @Test
    void aSmallRequestWhoseShareIsFreeIsAnsweredAndReturnsIt() {
        HttpResponse<String> answer = ingester.post("/ingest/falco", Fixtures.falcoEvent(2),
                "Content-Type", "application/json");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(ingester.bean(InFlightBudget.class).inFlightBytes()).as("its share was returned").isZero();
    }

    private static Thread threadWaitingForTheBudget() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Thread> waiter = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
                            frame.getClassName().equals(InFlightBudget.class.getName())
                                    && frame.getMethodName().equals("acquire")))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (waiter.isPresent()) {
                return waiter.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no thread waited for the in-flight budget within " + PATIENCE);
    }
}
