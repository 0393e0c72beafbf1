package io.kubezen.watcher.ingester.writer.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.DestinationResource;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.FieldCause;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.model.TtlPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The embedded default sink: one JSON line per Observation, appended to a file, and one more line
 * ({@code kind: ObservationStatus}) each time its status moves forward. Each batch is written and fsynced before
 * any of its results is returned, so an acknowledged queue entry is on disk. Names written and their latest
 * status are kept in memory, rebuilt from the file at start-up, which gives the same AlreadyExists answer as the
 * API server for a redelivered entry, and the status the read endpoint shows.
 *
 * <p>A crash can leave a partly written last line; it was never acknowledged, so it is cut off at start-up
 * and the entry is written again on redelivery.
 *
 * <p>{@link #deleteExpired} takes Observations past their TTL out of the file and the index, as the controller's GC
 * deletes them from the API server: it writes the file anew beside it and moves it into place, so a crash leaves
 * either file whole.
 */
public final class JsonLinesObservationSink implements ObservationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesObservationSink.class);

    private final Object lock = new Object();
    private final Path file;
    private final WriteRails rails;
    private final Clock clock;
    private final Path rewritten;
    private FileChannel channel;
    /**
     * Every Observation in the file, by {@code namespace/name}, with its latest status: one entry each, its times as
     * numbers, since the index holds every Observation ever written (about 190 bytes each).
     */
    private final Map<String, IndexedStatus> observations = new HashMap<>();

    public JsonLinesObservationSink(Path file, WriteRails rails, Clock clock) throws IOException {
        this.file = file;
        this.rails = rails;
        this.clock = clock;
        this.rewritten = file.resolveSibling(file.getFileName() + ".gc");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(rewritten);
        this.channel = open(file);
        cutTornTail();
        readNames();
    }

    @Override
    public WriteResult write(ObservationWrite write) {
        return writeAll(List.of(write)).get(0);
    }

    @Override
    public List<WriteResult> writeAll(List<ObservationWrite> writes) {
        synchronized (lock) {
            Batch batch = new Batch();
            for (ObservationWrite write : writes) {
                WriteResult result = check(write, batch.created);
                String key = key(write.namespace(), write.name());
                if (result.outcome() == WriteResult.Outcome.CREATED) {
                    batch.created.add(key);
                    batch.statuses.put(key, write.status());
                    writeLine(batch.lines, StoredObservation.of(write, clock.instant()));
                } else if (result.settled()) {
                    batch.moveForward(key, write.destination(), write.status());
                }
                batch.results.add(result);
            }
            return commit(batch);
        }
    }

    @Override
    public WriteResult updateStatus(StatusWrite update) {
        return updateStatusAll(List.of(update)).get(0);
    }

    @Override
    public List<WriteResult> updateStatusAll(List<StatusWrite> updates) {
        synchronized (lock) {
            Batch batch = new Batch();
            for (StatusWrite update : updates) {
                Optional<WriteResult> refused = rails.refuse(update);
                String key = key(update.namespace(), update.name());
                if (refused.isPresent()) {
                    batch.results.add(refused.get());
                } else if (!observations.containsKey(key)) {
                    batch.results.add(WriteResult.of(WriteResult.Outcome.GONE, update.name()));
                } else {
                    batch.results.add(WriteResult.of(batch.moveForward(key, update.destination(), update.status())
                            ? WriteResult.Outcome.UPDATED : WriteResult.Outcome.UNCHANGED, update.name()));
                }
            }
            return commit(batch);
        }
    }

    /** Appends the batch's lines; only once they are on disk do its names and statuses count as written. */
    private List<WriteResult> commit(Batch batch) {
        if (batch.lines.size() == 0) {
            return batch.results;
        }
        try {
            append(batch.lines.toByteArray());
        } catch (IOException e) {
            return batch.results.stream().map(r -> r.outcome() == WriteResult.Outcome.PERMANENT
                            || r.outcome() == WriteResult.Outcome.GONE || r.outcome() == WriteResult.Outcome.UNCHANGED ? r
                            : WriteResult.retryable(r.name(), FailureReason.UNAVAILABLE, "writing " + file + " failed: " + e, null))
                    .toList();
        }
        batch.statuses.forEach((key, status) -> observations.put(key, IndexedStatus.of(status)));
        return batch.results;
    }

    /** Observations in the file that match, newest first. Reads the file; meant for people, not for the hot path. */
    public List<StoredObservation> list(ObservationQuery query) {
        Deque<StoredObservation> newest = new ArrayDeque<>(query.limit());
        synchronized (lock) {
            forEachLine(node -> {
                if (StatusLine.is(node)) {
                    return;
                }
                StoredObservation stored = ObservationJson.MAPPER.convertValue(node, StoredObservation.class)
                        .withStatus(latestStatus(keyOf(node)));
                if (query.matches(stored)) {
                    if (newest.size() == query.limit()) {
                        newest.removeLast();
                    }
                    newest.addFirst(stored);
                }
            });
        }
        return List.copyOf(newest);
    }

    /**
     * Deletes the Observations past their TTL at {@code now}, with their status lines; answers how many. Most of the
     * file is copied while writes go on; only what they appended meanwhile is copied under the lock, before the
     * new file takes the old one's place. A failure leaves the file as it was. One call at a time: the file it
     * writes beside the sink's is its own.
     */
    public synchronized int deleteExpired(TtlPolicy ttl, Instant now) throws IOException {
        Set<String> expired = new HashSet<>();
        try (FileChannel out = FileChannel.open(rewritten, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied;
            synchronized (lock) {
                copied = channel.size();
            }
            copyLive(0, copied, out, line -> isExpired(line, ttl, now), expired);
            synchronized (lock) {
                // Observations written meanwhile are new: the expired ones were still indexed, so not written again.
                copyLive(copied, channel.size(), out, line -> false, expired);
                out.force(false);
                Files.move(rewritten, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                syncDirectory();
                channel.close();
                channel = open(file);
                observations.keySet().removeAll(expired);
            }
        } finally {
            Files.deleteIfExists(rewritten);
        }
        return expired.size();
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            channel.close();
        }
    }

    private WriteResult check(ObservationWrite write, Set<String> batch) {
        Optional<WriteResult> refused = rails.refuse(write);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<FieldCause> causes = SchemaRules.violations(write);
        if (!causes.isEmpty()) {
            return WriteResult.permanent(write.name(), FailureReason.INVALID,
                    write.destination().kind() + " \"" + write.name() + "\" is invalid: " + causes.get(0).message(), causes);
        }
        String key = key(write.namespace(), write.name());
        return observations.containsKey(key) || batch.contains(key)
                ? WriteResult.alreadyExists(write.name())
                : WriteResult.created(write.name());
    }

    /** Writes {@code value} as one line straight into the batch, not through a byte array of its own first. */
    private static void writeLine(ByteArrayOutputStream lines, Object value) {
        try {
            ObservationJson.MAPPER.writeValue(lines, value);
        } catch (IOException e) {
            throw new UncheckedIOException("an Observation always serializes", e);
        }
        lines.write('\n');
    }

    /** Appends and fsyncs; on failure cuts the file back, so a half-written batch cannot turn into duplicates. */
    private void append(byte[] bytes) throws IOException {
        long sizeBefore = channel.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = sizeBefore;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(sizeBefore);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /**
     * Copies the lines of {@code [from, to)} to {@code out}, but for Observations {@code expires} picks, which it
     * adds to {@code expired}, and the status lines of any in {@code expired}. Unreadable lines are kept: GC
     * deletes expired Observations, nothing else.
     */
    private void copyLive(long from, long to, FileChannel out, Predicate<JsonNode> expires, Set<String> expired)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long position = from; position < to; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), to - position));
                int read = in.read(chunk, position);
                if (read < 0) {
                    break;
                }
                position += read;
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk.get(i) == '\n') {
                        line.write(chunk.array(), start, i + 1 - start);
                        copyIfLive(line.toByteArray(), out, expires, expired);
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(chunk.array(), start, read - start);
            }
        }
        if (line.size() > 0) {
            copyIfLive(line.toByteArray(), out, expires, expired);
        }
    }

    private static void copyIfLive(byte[] line, FileChannel out, Predicate<JsonNode> expires, Set<String> expired)
            throws IOException {
        JsonNode node = readable(line);
        if (node != null) {
            String key = keyOf(node);
            if (!StatusLine.is(node) && expires.test(node)) {
                expired.add(key);
            }
            if (expired.contains(key)) {
                return;
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(line);
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Whether an Observation line is past its TTL; one without a readable creation time never is. */
    private static boolean isExpired(JsonNode observation, TtlPolicy ttl, Instant now) {
        JsonNode created = observation.path("metadata").path("creationTimestamp");
        JsonNode seconds = observation.path("spec").path("ttlSecondsAfterCreation");
        try {
            return created.isTextual() && ttl.isExpired(Instant.parse(created.asText()),
                    seconds.canConvertToLong() ? seconds.asLong() : null, now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Makes the move of the rewritten file durable before anything is appended to it. */
    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void cutTornTail() throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            LOG.warn("Cut off an incomplete last line of {} ({} bytes); it was never acknowledged and will be written again.",
                    file, size - end);
            channel.truncate(end);
        }
    }

    private void readNames() {
        forEachLine(node -> {
            String key = keyOf(node);
            SeenStatus status = StatusLine.seen(node.path("status"));
            if (!StatusLine.is(node)) {
                observations.putIfAbsent(key, IndexedStatus.NONE);
            }
            if (status != null) {
                // A status line follows its Observation's line; one without it names nothing this sink wrote.
                observations.computeIfPresent(key, (k, indexed) -> {
                    SeenStatus known = indexed.status();
                    return IndexedStatus.of(known == null ? status : known.max(status));
                });
            }
        });
        LOG.info("Local Observation sink at {} holds {} Observations.", file.toAbsolutePath(), observations.size());
    }

    private void forEachLine(Consumer<JsonNode> action) {
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    action.accept(ObservationJson.MAPPER.readTree(line));
                } catch (IOException | IllegalArgumentException e) {
                    unreadable++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
        if (unreadable > 0) {
            LOG.warn("Skipped {} unreadable lines in {}.", unreadable, file);
        }
    }

    /** The line's JSON object; null for an unreadable line. */
    private static JsonNode readable(byte[] line) {
        try {
            JsonNode node = ObservationJson.MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The key of the Observation a line of the file is about, an Observation line or a status line. */
    private static String keyOf(JsonNode line) {
        return key(line.path("metadata").path("namespace").asText(), line.path("metadata").path("name").asText());
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** The latest status of an Observation in the file; null when it has none or is not in the file. */
    private SeenStatus latestStatus(String key) {
        IndexedStatus indexed = observations.get(key);
        return indexed == null ? null : indexed.status();
    }

    /**
     * A {@link SeenStatus} as the index keeps it: its two times as seconds and nanoseconds rather than two
     * {@code Instant}s, which would take 48 bytes more per Observation. {@link #NONE} for an Observation line
     * written without a status.
     */
    private record IndexedStatus(long firstSeconds, int firstNanos, long lastSeconds, int lastNanos,
                                 long duplicateCount) {

        static final IndexedStatus NONE = new IndexedStatus(0, 0, 0, 0, -1);

        static IndexedStatus of(SeenStatus status) {
            return new IndexedStatus(status.firstSeen().getEpochSecond(), status.firstSeen().getNano(),
                    status.lastSeen().getEpochSecond(), status.lastSeen().getNano(), status.duplicateCount());
        }

        SeenStatus status() {
            return duplicateCount < 0 ? null : new SeenStatus(Instant.ofEpochSecond(firstSeconds, firstNanos),
                    Instant.ofEpochSecond(lastSeconds, lastNanos), duplicateCount);
        }
    }

    /** What one call adds to the file, and what it answers. */
    private final class Batch {
        private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        private final List<WriteResult> results = new ArrayList<>();
        private final Set<String> created = new HashSet<>();
        private final Map<String, SeenStatus> statuses = new HashMap<>();

        /** Adds a status line unless the Observation's status already covers {@code wanted}; says whether it did. */
        boolean moveForward(String key, DestinationResource destination, SeenStatus wanted) {
            SeenStatus current = statuses.containsKey(key) ? statuses.get(key) : latestStatus(key);
            if (current != null && current.covers(wanted)) {
                return false;
            }
            SeenStatus next = current == null ? wanted : current.max(wanted);
            statuses.put(key, next);
            int slash = key.indexOf('/');
            writeLine(lines, StatusLine.of(destination, key.substring(0, slash), key.substring(slash + 1), next));
            return true;
        }
    }
}
