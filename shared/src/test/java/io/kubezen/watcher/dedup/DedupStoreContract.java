package io.kubezen.watcher.dedup;

import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link DedupStore} promises; subclassed once per implementation. */
public abstract class DedupStoreContract {

    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    protected static final Duration WINDOW = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock(T0);
    protected DedupStore store;

    /** A store that sees time through {@code clock}. */
    protected abstract DedupStore createStore(Clock clock);

    /** The same state as another process would see it, through its own connection; in-memory: the same store. */
    protected abstract DedupStore secondProcess(Clock clock);

    /** A window short enough to watch expire: the Redis store's expiry is Redis's own, in real time. */
    protected abstract Duration expiringWindow();

    @BeforeEach
    void createStore() {
        store = createStore(clock);
    }

    @Test
    void firstOccurrenceIsNewAndRepeatsAreDuplicatesThatCount() {
        DedupResult first = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(3));
        DedupResult second = store.record(request("falco", "fp-1", WINDOW));

        assertThat(first.firstOccurrence()).isTrue();
        assertThat(first.record()).extracting(DedupRecord::firstSeen, DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly(T0, T0, 1L);
        assertThat(first.record().ttlLeft()).isBetween(WINDOW.minusSeconds(5), WINDOW);
        assertThat(second.firstOccurrence()).isFalse();
        assertThat(second.record()).extracting(DedupRecord::source, DedupRecord::fingerprint, DedupRecord::firstSeen,
                        DedupRecord::lastSeen, DedupRecord::count)
                .containsExactly("falco", "fp-1", T0, T0.plusSeconds(3), 2L);
    }

    @Test
    void duplicatesDoNotExtendTheWindow() {
        store.record(request("falco", "fp-1", WINDOW));
        DedupResult duplicate = store.record(request("falco", "fp-1", WINDOW.multipliedBy(10)));

        assertThat(duplicate.record().ttlLeft()).isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void recordExpiresAfterItsWindowAndTheNextOccurrenceIsNewAgain() {
        store.record(request("falco", "fp-1", expiringWindow()));
        clock.advance(expiringWindow());

        Await.until("the record expired", Duration.ofSeconds(10), () -> store.get("falco", "fp-1").isEmpty());
        DedupResult again = store.record(request("falco", "fp-1", WINDOW));

        assertThat(again.firstOccurrence()).isTrue();
        assertThat(again.record().count()).isEqualTo(1);
        assertThat(again.record().firstSeen()).isEqualTo(T0.plus(expiringWindow()));
    }

    @Test
    void theFirstRepeatOfEachStatusIntervalSchedulesOneStatusUpdate() {
        Duration interval = DedupStore.DEFAULT_STATUS_INTERVAL;
        DedupResult first = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(1));
        DedupResult firstRepeat = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(1));
        DedupResult laterInTheInterval = store.record(request("falco", "fp-1", WINDOW));
        clock.advance(interval);
        DedupResult nextInterval = store.record(request("falco", "fp-1", WINDOW));

        assertThat(first.statusDueAt()).isNull();
        assertThat(firstRepeat.statusDueAt()).isEqualTo(T0.plusSeconds(1).plus(interval));
        assertThat(laterInTheInterval.statusDueAt()).isNull();
        assertThat(nextInterval.statusDueAt()).isEqualTo(T0.plusSeconds(2).plus(interval).plus(interval));
    }

    @Test
    void aRecordStaysFindableByItsFirstSeenAfterItsWindowAndAfterItsSuccessorBegan() {
        store.record(request("falco", "fp-1", WINDOW));
        clock.advance(WINDOW.minusSeconds(1));
        store.record(request("falco", "fp-1", WINDOW));
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.get("falco", "fp-1")).isEmpty();
        assertThat(store.find("falco", "fp-1", T0)).get()
                .extracting(DedupRecord::count, DedupRecord::lastSeen, DedupRecord::ttlLeft)
                .containsExactly(2L, T0.plus(WINDOW).minusSeconds(1), Duration.ZERO);

        DedupResult successor = store.record(request("falco", "fp-1", WINDOW));

        assertThat(successor.firstOccurrence()).isTrue();
        assertThat(store.find("falco", "fp-1", T0)).get().extracting(DedupRecord::count).isEqualTo(2L);
        assertThat(store.find("falco", "fp-1", T0.plus(WINDOW))).get().extracting(DedupRecord::count).isEqualTo(1L);
        assertThat(store.find("falco", "fp-1", T0.plusSeconds(7))).isEmpty();
    }

    /** Forty fingerprints spread over the shards (on Cluster, over every master), asked in reverse order. */
    @Test
    void findAllAnswersEveryRecordInTheOrderAsked() {
        IntStream.range(0, 40).forEach(i -> store.record(request("falco", "fp-" + i, WINDOW)));
        clock.advance(Duration.ofSeconds(1));
        store.record(request("falco", "fp-3", WINDOW));
        store.record(request("kube-audit", "fp-3", WINDOW));
        List<DedupRecordId> asked = new ArrayList<>();
        asked.add(new DedupRecordId("kube-audit", "fp-3", T0.plusSeconds(1)));
        IntStream.iterate(39, i -> i >= 0, i -> i - 1).forEach(i -> asked.add(new DedupRecordId("falco", "fp-" + i, T0)));
        asked.add(new DedupRecordId("falco", "fp-3", T0.plusSeconds(1)));
        asked.add(new DedupRecordId("falco", "never-seen", T0));

        List<Optional<DedupRecord>> found = store.findAll(asked);

        assertThat(found).hasSize(asked.size());
        assertThat(found.get(0)).get().extracting(DedupRecord::source, DedupRecord::firstSeen, DedupRecord::count)
                .containsExactly("kube-audit", T0.plusSeconds(1), 1L);
        for (int i = 0; i < 40; i++) {
            assertThat(found.get(40 - i)).get()
                    .extracting(DedupRecord::fingerprint, DedupRecord::lastSeen, DedupRecord::count)
                    .containsExactly("fp-" + i, i == 3 ? T0.plusSeconds(1) : T0, i == 3 ? 2L : 1L);
        }
        assertThat(found.get(41)).as("fp-3 began at T0, not a second later").isEmpty();
        assertThat(found.get(42)).isEmpty();
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void sourcesHaveSeparateRecords() {
        assertThat(store.record(request("falco", "same", WINDOW)).firstOccurrence()).isTrue();
        assertThat(store.record(request("kube-audit", "same", WINDOW)).firstOccurrence()).isTrue();
        assertThat(store.get("kube-audit", "same")).get().extracting(DedupRecord::count).isEqualTo(1L);
    }

    @Test
    void getShowsTheRecordAndForgetDeletesIt() {
        store.record(request("falco", "fp-1", WINDOW));
        store.record(request("falco", "fp-1", WINDOW));

        assertThat(store.get("falco", "fp-1")).get()
                .extracting(DedupRecord::source, DedupRecord::fingerprint, DedupRecord::firstSeen, DedupRecord::count)
                .containsExactly("falco", "fp-1", T0, 2L);
        assertThat(store.get("falco", "unknown")).isEmpty();

        assertThat(store.forget("falco", "fp-1")).isTrue();
        assertThat(store.forget("falco", "fp-1")).isFalse();
        assertThat(store.get("falco", "fp-1")).isEmpty();
        assertThat(store.record(request("falco", "fp-1", WINDOW)).firstOccurrence()).isTrue();
    }

    @Test
    void listPagesThroughEveryRecordOfTheSource() {
        List<DedupRequest> batch = new ArrayList<>();
        IntStream.range(0, 230).forEach(i -> batch.add(request("falco", "fp-" + i, WINDOW)));
        IntStream.range(0, 20).forEach(i -> batch.add(request("kube-audit", "fp-" + i, WINDOW)));
        store.record(batch);

        Set<String> listed = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<DedupRecord> page = store.list("falco", cursor, 50);
            assertThat(page.items()).allSatisfy(record -> {
                assertThat(record.source()).isEqualTo("falco");
                assertThat(record.count()).isEqualTo(1);
            });
            page.items().forEach(record -> listed.add(record.fingerprint()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(cursor).isNull();
        assertThat(pages).isGreaterThan(1);
        assertThat(listed).hasSize(230).allMatch(fingerprint -> fingerprint.startsWith("fp-"));
        assertThat(store.list("trivy", null, 50)).extracting(Page::items, Page::nextCursor).containsExactly(List.of(), null);
    }

    @Test
    void aBatchOf400IsOneCallWithResultsInRequestOrder() {
        List<DedupRequest> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Every eighth event repeats the one before it, as a burst from one source would.
            batch.add(request("kube-audit", "fp-" + (i % 8 == 7 ? i - 1 : i), WINDOW));
        }

        List<DedupResult> results = store.record(batch);

        assertThat(results).hasSize(400);
        for (int i = 0; i < 400; i++) {
            assertThat(results.get(i).record().fingerprint()).isEqualTo(batch.get(i).fingerprint());
            assertThat(results.get(i).firstOccurrence()).as("event %d", i).isEqualTo(i % 8 != 7);
            assertThat(results.get(i).record().count()).isEqualTo(i % 8 == 7 ? 2 : 1);
        }
    }

    @Test
    void twoProcessesRacingOnTheSameFingerprintsAcceptEachExactlyOnce() throws Exception {
        List<DedupStore> stores = List.of(store, secondProcess(clock));
        int threads = 8;
        int eventsPerThread = 200;
        int fingerprints = 20;
        Map<String, AtomicInteger> firsts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DedupStore mine = stores.get(t % 2);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < eventsPerThread; i += 4) {
                        List<DedupRequest> batch = IntStream.range(i, i + 4)
                                .mapToObj(n -> request("falco", "fp-" + n % fingerprints, WINDOW)).toList();
                        mine.record(batch).stream().filter(DedupResult::firstOccurrence).forEach(result ->
                                firsts.computeIfAbsent(result.record().fingerprint(), f -> new AtomicInteger()).incrementAndGet());
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

        assertThat(firsts).hasSize(fingerprints).allSatisfy((fingerprint, count) -> assertThat(count.get()).isEqualTo(1));
        for (int f = 0; f < fingerprints; f++) {
            assertThat(store.get("falco", "fp-" + f)).get().extracting(DedupRecord::count)
                    .isEqualTo((long) threads * eventsPerThread / fingerprints);
        }
    }

    protected static DedupRequest request(String source, String fingerprint, Duration window) {
        return new DedupRequest(source, fingerprint, window);
    }
}
