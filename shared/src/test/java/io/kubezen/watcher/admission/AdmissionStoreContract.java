package io.kubezen.watcher.admission;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueFullException;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link AdmissionStore} promises; subclassed once per implementation. */
public abstract class AdmissionStoreContract {

    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00.250Z");
    protected static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String GROUP = EventQueue.DEFAULT_GROUP;

    protected final MutableClock clock = new MutableClock(T0);

    /**
     * A store over fresh state that sees time through {@code clock}, and whose queue refuses a call once it could not
     * take one entry per event of the call (per shard, where there are shards).
     */
    protected abstract AdmissionStore createStore(Clock clock, long capacity);

    /** The queue the stores of this test append to, read as the writers read it. */
    protected abstract EventQueue queue();

    /** The records the stores of this test keep. */
    protected abstract DedupStore records();

    @Test
    void aFirstOccurrenceIsQueuedAndTheFirstRepeatOfAnIntervalQueuesItsStatusUpdate() {
        AdmissionStore store = createStore(clock, 1_000);
        DedupResult first = admit(store, request("fp-1", WINDOW)).get(0);
        clock.advance(Duration.ofSeconds(3));
        DedupResult repeat = admit(store, request("fp-1", WINDOW)).get(0);
        clock.advance(Duration.ofSeconds(1));
        DedupResult again = admit(store, request("fp-1", WINDOW)).get(0);

        assertThat(first.firstOccurrence()).isTrue();
        assertThat(repeat.firstOccurrence()).isFalse();
        assertThat(repeat.record()).extracting(DedupRecord::firstSeen, DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly(T0, T0.plusSeconds(3), 2L);
        assertThat(again.statusDueAt()).as("one status update per interval").isNull();
        Instant due = T0.plusSeconds(3).plus(DedupStore.DEFAULT_STATUS_INTERVAL);
        assertThat(queued()).containsExactly(
                new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new StatusHint("falco", "fp-1", T0, "shop", due, T0.plusSeconds(3), 2));
        assertThat(records().get("falco", "fp-1")).get().extracting(DedupRecord::count).isEqualTo(3L);
    }

    @Test
    void withoutADedupWindowEveryOccurrenceIsQueuedAndNothingIsRecorded() {
        AdmissionStore store = createStore(clock, 1_000);

        List<DedupResult> results = admit(store, request("fp-1", null), request("fp-1", null));

        assertThat(results).containsExactly(null, null);
        assertThat(queued()).hasSize(2).allSatisfy(item -> assertThat(item).isEqualTo(
                new QueuedObservation(observation("fp-1"), "fp-1", T0)));
        assertThat(records().get("falco", "fp-1")).isEmpty();
    }

    @Test
    void aRepeatLaterInTheSameBatchIsADuplicateAndResultsKeepRequestOrder() {
        AdmissionStore store = createStore(clock, 1_000);
        List<AdmissionRequest> batch = IntStream.range(0, 200)
                .mapToObj(i -> request("fp-" + (i % 8 == 7 ? i - 1 : i), WINDOW)).toList();

        List<DedupResult> results = admit(store, batch.toArray(AdmissionRequest[]::new));

        for (int i = 0; i < batch.size(); i++) {
            assertThat(results.get(i).record().fingerprint()).isEqualTo(batch.get(i).fingerprint());
            assertThat(results.get(i).firstOccurrence()).as("event %d", i).isEqualTo(i % 8 != 7);
        }
        List<QueueItem> queued = queued();
        assertThat(queued).filteredOn(QueuedObservation.class::isInstance).hasSize(175);
        assertThat(queued).filteredOn(StatusHint.class::isInstance).hasSize(25);
    }

    @Test
    void aQueueWithoutRoomRefusesTheCallAndRecordsNothing() {
        AdmissionStore tooSmall = createStore(clock, 1);

        assertThatThrownBy(() -> admit(tooSmall, request("fp-1", WINDOW), request("fp-1", WINDOW)))
                .isInstanceOf(QueueFullException.class);

        assertThat(records().get("falco", "fp-1")).isEmpty();
        assertThat(queued()).isEmpty();
        assertThat(admit(createStore(clock, 1_000), request("fp-1", WINDOW)).get(0).firstOccurrence()).isTrue();
    }

    /** Requests sent without waiting (Redis coalesces them into shared calls) are decided as if one by one. */
    @Test
    void requestsSentTogetherAreEachDecidedInOrderWithAnswersOfTheirOwn() {
        AdmissionStore store = createStore(clock, 1_000);

        List<CompletableFuture<List<DedupResult>>> sent = IntStream.range(0, 50)
                .mapToObj(i -> store.admitAsync(List.of(request("fp-" + i % 10, WINDOW))).toCompletableFuture())
                .toList();

        for (int i = 0; i < sent.size(); i++) {
            DedupResult result = sent.get(i).join().get(0);
            assertThat(result.record().fingerprint()).isEqualTo("fp-" + i % 10);
            assertThat(result.firstOccurrence()).as("request %d", i).isEqualTo(i < 10);
            assertThat(result.record().count()).as("request %d", i).isEqualTo(i / 10 + 1);
        }
    }

    /** Every request here is about one source and fingerprint, so all of them go to the same queue shard. */
    @Test
    void aRequestSentTogetherWithOthersIsRefusedByItselfWhenTheQueueHasNoRoomForIt() {
        AdmissionStore store = createStore(clock, 2);

        CompletableFuture<List<DedupResult>> fits = store.admitAsync(List.of(request("fp-1", null)))
                .toCompletableFuture();
        CompletableFuture<List<DedupResult>> tooMany = store.admitAsync(
                List.of(request("fp-1", WINDOW), request("fp-1", null))).toCompletableFuture();
        CompletableFuture<List<DedupResult>> fitsStill = store.admitAsync(List.of(request("fp-1", null)))
                .toCompletableFuture();

        assertThat(fits.join()).containsExactly((DedupResult) null);
        assertThatThrownBy(tooMany::join).hasCauseInstanceOf(QueueFullException.class);
        assertThat(fitsStill.join()).containsExactly((DedupResult) null);
        assertThat(records().get("falco", "fp-1")).isEmpty();
        assertThat(queued()).hasSize(2);
    }

    /** A repeat needs nothing of its event but the record: whatever came with it, the queue holds the first one. */
    @Test
    void repeatsInsideTheWindowAreCountedWhereverTheyStandInARequest() {
        AdmissionStore store = createStore(clock, 1_000);
        admit(store, request("fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(1));

        List<DedupResult> alone = admit(store, request("fp-1", WINDOW));
        List<DedupResult> mixed = admit(store, request("fp-2", WINDOW), request("fp-1", WINDOW), request("fp-1", null),
                request("fp-1", WINDOW));

        assertThat(alone.get(0).record().count()).isEqualTo(2);
        assertThat(mixed).extracting(result -> result == null ? null : result.record().count())
                .containsExactly(1L, 3L, null, 4L);
        // The two fingerprints may fall on different queue shards, which are read in no set order.
        assertThat(queued()).containsExactlyInAnyOrder(
                new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new StatusHint("falco", "fp-1", T0, "shop", T0.plusSeconds(1).plus(DedupStore.DEFAULT_STATUS_INTERVAL),
                        T0.plusSeconds(1), 2),
                new QueuedObservation(observation("fp-2"), "fp-2", T0.plusSeconds(1)),
                new QueuedObservation(observation("fp-1"), "fp-1", T0.plusSeconds(1)));
    }

    /**
     * A record can vanish while its window still runs (deleted through the admin API, evicted, Redis restarted
     * empty): the next occurrence is a first occurrence again, queued with its whole Observation, and a repeat behind
     * it in the same request is its duplicate.
     */
    @Test
    void anEventWhoseRecordWasDeletedStartsANewWindowAndIsQueuedWhole() {
        AdmissionStore store = createStore(clock, 1_000);
        admit(store, request("fp-1", WINDOW));
        admit(store, request("fp-1", WINDOW));
        assertThat(records().forget("falco", "fp-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        Instant again = T0.plusSeconds(1);

        List<DedupResult> results = admit(store, request("fp-1", WINDOW), request("fp-1", WINDOW));

        assertThat(results).extracting(DedupResult::firstOccurrence).containsExactly(true, false);
        assertThat(results.get(1).record()).extracting(DedupRecord::firstSeen, DedupRecord::count)
                .containsExactly(again, 2L);
        assertThat(queued()).as("in any order: a store may queue status updates apart from Observations")
                .containsExactlyInAnyOrder(
                new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new StatusHint("falco", "fp-1", T0, "shop", T0.plus(DedupStore.DEFAULT_STATUS_INTERVAL), T0, 2),
                new QueuedObservation(observation("fp-1"), "fp-1", again),
                new StatusHint("falco", "fp-1", again, "shop", again.plus(DedupStore.DEFAULT_STATUS_INTERVAL), again, 2));
    }

    @Test
    void anOccurrenceAfterTheWindowEndedStartsANewOne() {
        AdmissionStore store = createStore(clock, 1_000);
        admit(store, request("fp-1", WINDOW));
        clock.advance(WINDOW);

        DedupResult next = admit(store, request("fp-1", WINDOW)).get(0);

        assertThat(next.firstOccurrence()).isTrue();
        assertThat(queued()).containsExactly(new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new QueuedObservation(observation("fp-1"), "fp-1", T0.plus(WINDOW)));
    }

    /**
     * What one process saw of a record's window is not the last word: here another one re-created the record with a
     * much shorter window, which has ended by the time the first process sees the event again.
     */
    @Test
    void aWindowThatEndedSoonerThanThisProcessSawStartsANewOneToo() {
        AdmissionStore first = createStore(clock, 1_000);
        AdmissionStore other = createStore(clock, 1_000);
        admit(first, request("fp-1", WINDOW));
        records().forget("falco", "fp-1");
        admit(other, request("fp-1", Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(2));

        DedupResult next = admit(first, request("fp-1", WINDOW)).get(0);

        assertThat(next.firstOccurrence()).isTrue();
        assertThat(next.record().firstSeen()).isEqualTo(T0.plusSeconds(2));
        assertThat(queued()).filteredOn(QueuedObservation.class::isInstance).containsExactly(
                new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new QueuedObservation(observation("fp-1"), "fp-1", T0.plusSeconds(2)));
    }

    /**
     * Requests sent without waiting (Redis coalesces them into shared calls) that mix repeats, events whose records
     * were deleted, new events and events without dedup: each request's events are decided in order, with answers of
     * its own.
     */
    @Test
    void requestsSentTogetherMixingRepeatsDeletedRecordsAndNewEventsAreEachDecidedInOrder() {
        AdmissionStore store = createStore(clock, 1_000);
        admit(store, IntStream.range(0, 20).mapToObj(i -> request("fp-" + i, WINDOW)).toArray(AdmissionRequest[]::new));
        for (int i = 0; i < 20; i += 2) {
            records().forget("falco", "fp-" + i);
        }
        clock.advance(Duration.ofSeconds(1));

        List<CompletableFuture<List<DedupResult>>> sent = IntStream.range(0, 30)
                .mapToObj(i -> store.admitAsync(List.of(request("fp-" + i, WINDOW), request("plain-" + i, null),
                        request("fp-" + i, WINDOW))).toCompletableFuture())
                .toList();

        for (int i = 0; i < sent.size(); i++) {
            boolean kept = i < 20 && i % 2 == 1;
            List<DedupResult> results = sent.get(i).join();
            assertThat(results.get(0).firstOccurrence()).as("request %d", i).isEqualTo(!kept);
            assertThat(results.get(1)).isNull();
            assertThat(results).filteredOn(Objects::nonNull).extracting(result -> result.record().count())
                    .as("request %d", i).containsExactly(kept ? 2L : 1L, kept ? 3L : 2L);
        }
        List<QueueItem> queued = queued();
        assertThat(queued).filteredOn(QueuedObservation.class::isInstance).hasSize(20 + 10 + 10 + 30);
        assertThat(queued).filteredOn(StatusHint.class::isInstance).hasSize(30);
        Instant again = T0.plusSeconds(1);
        assertThat(queued).filteredOn(item -> item.fingerprint().equals("fp-0")).containsExactly(
                new QueuedObservation(observation("fp-0"), "fp-0", T0),
                new QueuedObservation(observation("fp-0"), "fp-0", again),
                new StatusHint("falco", "fp-0", again, "shop", again.plus(DedupStore.DEFAULT_STATUS_INTERVAL), again, 2));
    }

    /** The event of the request that fits was expected to be a repeat, but its record is gone: it still gets in. */
    @Test
    void aRequestWithoutRoomIsRefusedByItselfAmongRequestsWhoseRecordsWereDeleted() {
        AdmissionStore store = createStore(clock, 2);
        admit(store, request("fp-1", WINDOW));
        records().forget("falco", "fp-1");
        clock.advance(Duration.ofSeconds(1));

        CompletableFuture<List<DedupResult>> tooMany = store.admitAsync(
                List.of(request("fp-1", WINDOW), request("fp-1", WINDOW))).toCompletableFuture();
        CompletableFuture<List<DedupResult>> fits = store.admitAsync(List.of(request("fp-1", WINDOW)))
                .toCompletableFuture();

        assertThatThrownBy(tooMany::join).hasCauseInstanceOf(QueueFullException.class);
        assertThat(fits.join().get(0).firstOccurrence()).isTrue();
        assertThat(records().get("falco", "fp-1")).get().extracting(DedupRecord::count).isEqualTo(1L);
        assertThat(queued()).containsExactly(new QueuedObservation(observation("fp-1"), "fp-1", T0),
                new QueuedObservation(observation("fp-1"), "fp-1", T0.plusSeconds(1)));
    }

    @Test
    void twoProcessesRacingOnTheSameEventsQueueEachExactlyOnce() throws Exception {
        List<AdmissionStore> stores = List.of(createStore(clock, 100_000), createStore(clock, 100_000));
        int threads = 8;
        int fingerprints = 40;
        Map<String, AtomicInteger> firsts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AdmissionStore mine = stores.get(t % 2);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i += 5) {
                        AdmissionRequest[] batch = IntStream.range(i, i + 5)
                                .mapToObj(n -> request("fp-" + n % fingerprints, WINDOW)).toArray(AdmissionRequest[]::new);
                        admit(mine, batch).stream().filter(DedupResult::firstOccurrence).forEach(result -> firsts
                                .computeIfAbsent(result.record().fingerprint(), f -> new AtomicInteger()).incrementAndGet());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(firsts).hasSize(fingerprints).allSatisfy((fingerprint, count) -> assertThat(count).hasValue(1));
        assertThat(queued()).filteredOn(QueuedObservation.class::isInstance)
                .extracting(QueueItem::fingerprint).hasSize(fingerprints).doesNotHaveDuplicates();
    }

    protected static AdmissionRequest request(String fingerprint, Duration window) {
        return new AdmissionRequest("falco", fingerprint, observation(fingerprint), window);
    }

    private static List<DedupResult> admit(AdmissionStore store, AdmissionRequest... batch) {
        try {
            return store.admitAsync(List.of(batch)).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private List<QueueItem> queued() {
        queue().ensureGroup(GROUP);
        List<QueueItem> items = new ArrayList<>();
        List<QueueEntry> read;
        do {
            read = queue().read(GROUP, "reader", 1_000, Duration.ZERO);
            read.forEach(entry -> items.add(entry.item()));
        } while (!read.isEmpty());
        return items;
    }

    private static Observation observation(String fingerprint) {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, Severity.HIGH, "runtime-threat",
                new ResourceRef("v1", "Pod", "web-0", "shop"), "Shell in container", "A shell was spawned in caf\u00e9 \ud83d\ude00",
                Map.of("rule", "Terminal shell in container"), Instant.parse("2025-01-01T00:00:00Z"), fingerprint, 86_400L);
        return new Observation("shop", Map.of("zen.kube-zen.io/source", "falco"), spec);
    }
}
