package io.kubezen.watcher.ingester.writer.consume;

import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.queue.QueueEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One writer's work on the queue, one batch at a time: read, write every entry as an Observation with at most
 * {@code maxInFlight} writes at once, then acknowledge what exists now. An entry is acknowledged only after
 * its Observation was created or found to exist, so a crash at any point leaves it pending for this or
 * another writer; its deterministic name makes the second write answer "already exists". The steps are
 * plain methods, so tests drive them directly; {@link QueueWriterLoop} repeats them on a thread.
 */
public final class QueueWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWriter.class);
    static final String UNDECODABLE = "undecodable";
    static final String MAX_DELIVERIES = "max_deliveries";

    private final EventQueue queue;
    private final ObservationSink sink;
    private final ExecutorService writers;
    private final ConsumerProperties settings;
    private final String consumer;
    private final WriterMetrics metrics;

    public QueueWriter(EventQueue queue, ObservationSink sink, ConsumerProperties settings, String consumer,
                       WriterMetrics metrics) {
        this.queue = queue;
        this.sink = sink;
        this.writers = Executors.newFixedThreadPool(settings.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "observation-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.settings = settings;
        this.consumer = consumer;
        this.metrics = metrics;
    }

    public String consumer() {
        return consumer;
    }

    /** Creates the consumer group if it is missing; called once before the first read. */
    public void prepare() {
        queue.ensureGroup(settings.group());
    }

    /** Reads one batch of new entries, waiting up to {@code block}, and writes it. Returns the entries handled. */
    public int pollOnce(Duration block) throws InterruptedException {
        List<QueueEntry> entries = queue.read(settings.group(), consumer, settings.batchSize(), block);
        handle(entries);
        return entries.size();
    }

    /**
     * Takes over entries another writer read but did not acknowledge within {@code claimIdle}: it crashed or
     * was killed mid-batch. Returns the entries handled.
     */
    public int claimOnce() throws InterruptedException {
        List<QueueEntry> entries = queue.claimIdle(settings.group(), consumer, settings.claimIdle(), settings.batchSize());
        handle(entries);
        return entries.size();
    }

    void handle(List<QueueEntry> entries) throws InterruptedException {
        if (entries.isEmpty()) {
            return;
        }
        List<QueueEntry> decoded = new ArrayList<>(entries.size());
        List<ObservationWrite> writes = new ArrayList<>(entries.size());
        for (QueueEntry entry : entries) {
            try {
                writes.add(ObservationWrite.of(entry.observation()));
                decoded.add(entry);
            } catch (IllegalArgumentException e) {
                metrics.failed(UNDECODABLE, WriteResult.Outcome.PERMANENT);
                deadLetter(entry, UNDECODABLE, e.getMessage());
            }
        }
        long started = System.nanoTime();
        List<WriteResult> results = writeConcurrently(writes);
        metrics.batchDuration().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        List<String> done = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            WriteResult result = results.get(i);
            QueueEntry entry = decoded.get(i);
            metrics.result(result);
            if (result.written()) {
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
    private List<WriteResult> writeConcurrently(List<ObservationWrite> writes) throws InterruptedException {
        int slices = Math.min(settings.maxInFlight(), writes.size());
        if (slices <= 1) {
            return sink.writeAll(writes);
        }
        int size = (writes.size() + slices - 1) / slices;
        List<Future<List<WriteResult>>> pending = new ArrayList<>(slices);
        for (int from = 0; from < writes.size(); from += size) {
            List<ObservationWrite> slice = writes.subList(from, Math.min(writes.size(), from + size));
            pending.add(writers.submit(() -> sink.writeAll(slice)));
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
}
