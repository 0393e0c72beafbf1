package io.kubezen.watcher.bench.dedup;

import io.kubezen.watcher.bench.load.EventIds;
import io.kubezen.watcher.dedup.DedupRequest;
import io.kubezen.watcher.dedup.DedupResult;
import io.kubezen.watcher.dedup.DedupStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A timed loop over {@link DedupStore#record}: {@code threads} callers, like the ingester's request threads,
 * each recording batches of {@code batchSize} events (1 as a Falco request brings, 100 as an audit batch) with
 * the same half-repeats mix as the HTTP scenarios. Measures the store alone, without HTTP or parsing.
 */
public final class DedupStoreLoad {

    private static final String SOURCE = "bench";

    public record Settings(int threads, int batchSize, int distinctEvents, Duration window) {

        public Settings {
            if (threads < 1 || batchSize < 1 || distinctEvents < threads) {
                throw new IllegalArgumentException("need a thread, an event per batch and a distinct event per thread");
            }
        }
    }

    /** @param firsts events the store said it saw for the first time; about half of {@code events} */
    public record Result(long events, long firsts, Duration elapsed) {

        public double eventsPerSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }
    }

    private DedupStoreLoad() {
    }

    /** Records batches until {@code duration} has passed; {@code idPrefix} keeps runs on one store apart. */
    public static Result run(DedupStore store, Settings settings, Duration duration, String idPrefix)
            throws InterruptedException {
        AtomicLong events = new AtomicLong();
        AtomicLong firsts = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            EventIds ids = new EventIds(idPrefix + "-" + t + "-", settings.distinctEvents() / settings.threads(),
                    new SplittableRandom(t));
            Thread thread = new Thread(() -> {
                long recorded = 0;
                long first = 0;
                while (System.nanoTime() < end) {
                    List<DedupRequest> batch = new ArrayList<>(settings.batchSize());
                    for (int i = 0; i < settings.batchSize(); i++) {
                        batch.add(new DedupRequest(SOURCE, ids.next(), settings.window()));
                    }
                    for (DedupResult result : store.record(batch)) {
                        first += result.firstOccurrence() ? 1 : 0;
                    }
                    recorded += batch.size();
                }
                events.addAndGet(recorded);
                firsts.addAndGet(first);
            }, "dedup-load-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(events.get(), firsts.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
