package io.kubezen.watcher.ingester.limit;

import io.kubezen.watcher.http.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightBudgetTest {

    private final InFlightBudget budget = new InFlightBudget(64 * 1024, Duration.ZERO);

    @Test
    void countsEachBodyInWholeKibibytesUntilItsShareIsReturned() throws Exception {
        InFlightBudget.Share first = budget.acquire("falco", 835);
        InFlightBudget.Share second = budget.acquire("k8s-audit", 10 * 1024 + 1);

        assertThat(budget.inFlightBytes()).isEqualTo(12 * 1024);
        first.close();
        assertThat(budget.inFlightBytes()).isEqualTo(11 * 1024);
        second.close();
        assertThat(budget.inFlightBytes()).isZero();
    }

    @Test
    void anEmptyBodyStillTakesAShare() throws Exception {
        try (InFlightBudget.Share share = budget.acquire("webhook", 0)) {
            assertThat(budget.inFlightBytes()).isEqualTo(1024);
        }
        assertThat(budget.inFlightBytes()).isZero();
    }

    @Test
    void aBodyLargerThanTheBudgetTakesAllOfItAndRunsAlone() throws Exception {
        try (InFlightBudget.Share large = budget.acquire("k8s-audit", 13_000_000)) {
            assertThat(budget.inFlightBytes()).isEqualTo(64 * 1024);
            assertThatThrownBy(() -> budget.acquire("falco", 1)).isInstanceOf(BusyException.class);
        }
        budget.acquire("falco", 1).close();
    }

    @Test
    void aLargeBodyWaitingForTheWholeBudgetGoesFirstAndLaterBodiesWaitBehindIt() throws Exception {
        InFlightBudget patient = new InFlightBudget(64 * 1024, Duration.ofMinutes(1));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            InFlightBudget.Share small = patient.acquire("falco", 1024);
            CompletableFuture<Thread> largeThread = new CompletableFuture<>();
            Future<InFlightBudget.Share> large = threads.submit(() -> {
                largeThread.complete(Thread.currentThread());
                return patient.acquire("k8s-audit", 13_000_000);
            });
            awaitWaiting(largeThread.get());
            CompletableFuture<Thread> laterThread = new CompletableFuture<>();
            Future<InFlightBudget.Share> later = threads.submit(() -> {
                laterThread.complete(Thread.currentThread());
                return patient.acquire("falco", 1024);
            });
            awaitWaiting(laterThread.get());
            assertThat(later).as("63 KiB are free, but the large body came first").isNotDone();

            small.close();
            InFlightBudget.Share whole = large.get(10, TimeUnit.SECONDS);
            assertThat(patient.inFlightBytes()).isEqualTo(64 * 1024);
            whole.close();
            later.get(10, TimeUnit.SECONDS).close();
            assertThat(patient.inFlightBytes()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "max heap {0} -> {1}")
    @CsvSource({
        "67108864, 131072",         // 64 MiB: never below one audit batch
        "201326592, 262144",        // -Xmx192m, the benchmark's heap
        "402653184, 524288",        // 512Mi limit x MaxRAMPercentage 75, the chart's receiver
        "805306368, 1048576",       // 768 MiB
        "68719476736, 16777216",    // 64 GiB: capped
        "9223372036854775807, 16777216" // no limit reported
    })
    void theDefaultBoundIsAShareOfTheMaximumHeap(long maxHeapBytes, long expected) {
        assertThat(InFlightBudget.defaultMaxBytes(maxHeapBytes)).isEqualTo(expected);
    }

    @Test
    void refusesWith503AndRetryAfterWhenNoShareComesFreeInTime() throws Exception {
        budget.acquire("k8s-audit", 60 * 1024);

        assertThatThrownBy(() -> budget.acquire("falco", 5 * 1024))
                .isInstanceOfSatisfying(BusyException.class, busy -> {
                    assertThat(busy.type()).isEqualTo(ProblemType.UNAVAILABLE);
                    assertThat(busy.headers()).containsEntry("Retry-After", "1");
                    assertThat(busy.getMessage()).contains("zen-watcher.receiver.max-in-flight-bytes");
                });
        assertThat(budget.inFlightBytes()).as("a refused request takes nothing").isEqualTo(60 * 1024);
    }

    @Test
    void returnsAShareOnceHoweverOftenItIsClosed() throws Exception {
        InFlightBudget.Share share = budget.acquire("falco", 2048);
        budget.acquire("falco", 1024);

        share.close();
        share.close();

        assertThat(budget.inFlightBytes()).isEqualTo(1024);
    }

    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("%s waits for its share", thread.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void takesAShareWithoutWaitingOnlyWhenItIsFree() throws Exception {
        InFlightBudget.Share large = budget.acquire("k8s-audit", 60 * 1024);

        assertThat(budget.acquireIfFree(5 * 1024)).isEmpty();
        assertThat(budget.inFlightBytes()).as("a failed try takes nothing").isEqualTo(60 * 1024);
        large.close();
        assertThat(budget.acquireIfFree(5 * 1024)).isPresent();
        assertThat(budget.inFlightBytes()).isEqualTo(5 * 1024);
    }

    @Test
    void aTryWithoutWaitingDoesNotJumpARequestAlreadyWaiting() throws Exception {
        InFlightBudget patient = new InFlightBudget(64 * 1024, Duration.ofMinutes(1));
        InFlightBudget.Share large = patient.acquire("k8s-audit", 60 * 1024);
        Thread waiter = new Thread(() -> {
            try {
                patient.acquire("k8s-audit", 10 * 1024).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        assertThat(patient.acquireIfFree(1024)).as("4 KiB are free, but the waiter came first").isEmpty();
        large.close();
        waiter.join();
        assertThat(patient.inFlightBytes()).isZero();
    }

    @Test
    void refusesABudgetSmallerThanOneKibibyte() {
        assertThatThrownBy(() -> new InFlightBudget(1000, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
