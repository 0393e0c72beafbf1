package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupRecordId;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.ingester.wiring.ConsumerProperties;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.QueueItem;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.StatusHint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One writer's work on the queue, one batch at a time: read, write every entry as an Observation with at most
 * {@code maxInFlight} writes at once, then acknowledge what exists now. An entry is acknowledged only after
 * its Observation was created or found to exist, so a crash at any point leaves it pending for this or
 * another writer; its deterministic name makes the second write answer "already exists". The steps are
 * plain methods, so tests drive them directly; {@link QueueWriterLoop} repeats them on a thread.
 *
 * <p>Each Observation is created with the status of its dedup record at that moment. Status updates queued for
 * later repeats are held until due (never longer than half of {@code claimIdle}, so that no live writer's held
 * entry looks abandoned), then bring the status up to the record as it is then; beyond {@code maxHeld} they stay
 * pending in the queue until the claim takes them, due by then. See {@code DESIGN.md} in the {@code writer} package.
 */
public final class QueueWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWriter.class);
    static final String UNDECODABLE = "undecodable";
    static final String MAX_DELIVERIES = "max_deliveries";

    private final EventQueue queue;
    private final ObservationSink sink;
    private final DedupStore records;
    private final ExecutorService writers;
    private final ConsumerProperties settings;
    private final String consumer;
    private final WriterMetrics metrics;
    private final Clock clock;
    private final HeldHints held;

    public QueueWriter(EventQueue queue, ObservationSink sink, DedupStore records, ConsumerProperties settings,
                       String consumer, WriterMetrics metrics, Clock clock) {
        this.queue = queue;
        this.sink = sink;
        this.records = records;
        this.writers = Executors.newFixedThreadPool(settings.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "observation-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.settings = settings;
        this.consumer = consumer;
        this.metrics = metrics;
        this.clock = clock;
        this.held = new HeldHints(settings.maxHeld());
        metrics.watchHeld(this::held);
    }

    public String consumer() {
        return consumer;
    }

    /** Creates the consumer group if it is missing; called once before the first read. */
    public void prepare() {
        queue.ensureGroup(settings.group());
    }

    /**
     * Reads one batch of new entries, waiting up to {@code block}, and writes it, together with the held status
     * updates that have come due. Returns the entries read.
     */
    public int pollOnce(Duration block) throws InterruptedException {
        List<QueueEntry> entries = queue.read(settings.group(), consumer, settings.batchSize(), block);
        handle(entries);
        settle(held.releaseDue(clock.instant()).stream().map(due -> new Decoded(due.entry(), due.hint())).toList());
        return entries.size();
    }

    /**
     * Takes over entries another writer read but did not acknowledge within {@code claimIdle}: it crashed, was
     * killed mid-batch or stopped holding status updates, or it held more of them than {@code maxHeld}. Claims a
     * batch at a time until a claim comes back short or brings only entries this call has handled already (they
     * failed again, and with a short {@code claimIdle} are idle long enough at once): a writer scaled down while
     * holding thousands of updates must not leave them to one batch per {@code claimInterval}. Returns the entries
     * handled.
     */
    public int claimOnce() throws InterruptedException {
        Set<String> handled = new HashSet<>();
        List<QueueEntry> entries;
        boolean fresh;
        do {
            entries = queue.claimIdle(settings.group(), consumer, settings.claimIdle(), settings.batchSize());
            fresh = false;
            for (QueueEntry entry : entries) {
                fresh |= handled.add(entry.id());
            }
            handle(entries);
        } while (fresh && entries.size() >= settings.batchSize());
        return handled.size();
    }

    /** Status updates read but not yet due. */
    int held() {
        return held.size();
    }

    void handle(List<QueueEntry> entries) throws InterruptedException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant latestRelease = now.plus(settings.claimIdle().dividedBy(2));
        List<Decoded> ready = new ArrayList<>(entries.size());
        for (Decoded decoded : decode(entries)) {
            if (decoded.item() instanceof StatusHint hint && hint.dueAt().isAfter(now)) {
                if (!held.hold(decoded.entry(), hint, hint.dueAt().isBefore(latestRelease) ? hint.dueAt() : latestRelease)) {
                    metrics.deferred();
                }
            } else {
                ready.add(decoded);
            }
        }
        settle(ready);
    }

    /** Decodes each entry; one that cannot be decoded is dead-lettered at once. */
    private List<Decoded> decode(List<QueueEntry> entries) {
        List<Decoded> decoded = new ArrayList<>(entries.size());
        for (QueueEntry entry : entries) {
            try {
                decoded.add(new Decoded(entry, entry.item()));
            } catch (IllegalArgumentException e) {
                metrics.failed(UNDECODABLE, WriteResult.Outcome.PERMANENT);
                deadLetter(entry, UNDECODABLE, e.getMessage());
            }
        }
        return decoded;
    }

    /** Writes the creates and the status updates, then acknowledges, leaves or dead-letters each entry. */
    private void settle(List<Decoded> ready) throws InterruptedException {
        if (ready.isEmpty()) {
            return;
        }
        List<QueueEntry> createEntries = new ArrayList<>();
        List<ObservationWrite> creates = new ArrayList<>();
        List<QueueEntry> updateEntries = new ArrayList<>();
        List<StatusWrite> updates = new ArrayList<>();
        List<Optional<DedupRecord>> found = records.findAll(ready.stream()
                .map(decoded -> new DedupRecordId(decoded.item().source(), decoded.item().fingerprint(),
                        decoded.item().firstSeen()))
                .toList());
        for (int i = 0; i < ready.size(); i++) {
            Decoded decoded = ready.get(i);
            if (decoded.item() instanceof QueuedObservation queued) {
                createEntries.add(decoded.entry());
                creates.add(ObservationWrite.of(queued).withStatus(seen(queued, found.get(i))));
            } else {
                StatusHint hint = (StatusHint) decoded.item();
                updateEntries.add(decoded.entry());
                updates.add(StatusWrite.of(hint, seen(hint, found.get(i))));
            }
        }
        long started = System.nanoTime();
        List<WriteResult> results = new ArrayList<>(concurrently(creates, sink::writeAll));
        results.addAll(concurrently(updates, sink::updateStatusAll));
        metrics.batchDuration().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        List<QueueEntry> entries = new ArrayList<>(createEntries);
        entries.addAll(updateEntries);
        List<String> done = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            WriteResult result = results.get(i);
            QueueEntry entry = entries.get(i);
            metrics.result(result);
            if (result.outcome() == WriteResult.Outcome.CREATED) {
                // Only creates answer CREATED, and their results come first.
                metrics.created(creates.get(i).observation().spec());
            }
            if (result.settled()) {
                done.add(entry.id());
            } else if (result.outcome() == WriteResult.Outcome.PERMANENT) {
                deadLetter(entry, result.reason().wireName(), describe(result));
            } else if (entry.deliveries() >= settings.maxDeliveries()) {
                deadLetter(entry, MAX_DELIVERIES, describe(result));
            }
        }
        if (!done.isEmpty()) {
            queue.ack(settings.group(), done);
        }
    }

    /** The status a new Observation starts with: its record's, which may already count repeats queued before it. */
    private static SeenStatus seen(QueuedObservation queued, Optional<DedupRecord> record) {
        return record.map(SeenStatus::of).orElse(SeenStatus.once(queued.firstSeen()));
    }

    /** The record as it is now; when it is gone, as it was when the update was scheduled. */
    private static SeenStatus seen(StatusHint hint, Optional<DedupRecord> record) {
        return record.map(SeenStatus::of).orElse(new SeenStatus(hint.firstSeen(), hint.lastSeen(), hint.count() - 1));
    }

    /**
     * Only after the dead letter is stored is the entry acknowledged; if storing fails the entry stays pending
     * and comes again, so nothing is dropped with only a log line.
     */
    private void deadLetter(QueueEntry entry, String reason, String detail) {
        if (queue.deadLetter(settings.group(), entry, reason, detail == null ? "" : detail, entry.deliveries())) {
            metrics.deadLettered(reason);
            LOG.warn("Queue entry {} moved to the dead letters after {} deliveries: {}: {}", entry.id(),
                    entry.deliveries(), reason, detail);
        }
    }

    private static String describe(WriteResult result) {
        StringBuilder text = new StringBuilder(result.message() == null ? "" : result.message());
        result.causes().forEach(cause -> text.append("; ").append(cause.field()).append(": ").append(cause.message()));
        return text.toString();
    }

    /** One sink call per slice, at most {@code maxInFlight} slices at once; results in the order of the writes. */
    private <T> List<WriteResult> concurrently(List<T> writes, Function<List<T>, List<WriteResult>> send)
            throws InterruptedException {
        if (writes.isEmpty()) {
            return List.of();
        }
        int slices = Math.min(settings.maxInFlight(), writes.size());
        if (slices <= 1) {
            return send.apply(writes);
        }
        int size = (writes.size() + slices - 1) / slices;
        List<Future<List<WriteResult>>> pending = new ArrayList<>(slices);
        for (int from = 0; from < writes.size(); from += size) {
            List<T> slice = writes.subList(from, Math.min(writes.size(), from + size));
            pending.add(writers.submit(() -> send.apply(slice)));
        }
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Future<List<WriteResult>> slice : pending) {
            try {
                results.addAll(slice.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a sink broke its promise not to throw", e.getCause());
            }
        }
        return results;
    }

    @Override
    public void close() {
        writers.shutdown();
    }

    private record Decoded(QueueEntry entry, QueueItem item) {
    }
}
