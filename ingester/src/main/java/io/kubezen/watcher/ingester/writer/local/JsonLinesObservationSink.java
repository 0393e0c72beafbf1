package io.kubezen.watcher.ingester.writer.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.ingester.writer.FailureReason;
import io.kubezen.watcher.ingester.writer.FieldCause;
import io.kubezen.watcher.ingester.writer.ObservationJson;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
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
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded default sink: one JSON line per Observation, appended to a file. Each batch is written and
 * fsynced before any of its results is returned, so an acknowledged queue entry is on disk. Names written
 * are kept in memory, rebuilt from the file at start-up, which gives the same AlreadyExists answer as the
 * API server for a redelivered entry.
 *
 * <p>A crash can leave a partly written last line; it was never acknowledged, so it is cut off at start-up
 * and the entry is written again on redelivery.
 */
public final class JsonLinesObservationSink implements ObservationSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesObservationSink.class);

    private final Object lock = new Object();
    private final Path file;
    private final WriteRails rails;
    private final Clock clock;
    private final FileChannel channel;
    /** {@code namespace/name} of every Observation in the file. */
    private final Set<String> written = new HashSet<>();

    public JsonLinesObservationSink(Path file, WriteRails rails, Clock clock) throws IOException {
        this.file = file;
        this.rails = rails;
        this.clock = clock;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            List<WriteResult> results = new ArrayList<>(writes.size());
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            Set<String> batch = new HashSet<>();
            for (ObservationWrite write : writes) {
                WriteResult result = check(write, batch);
                if (result.outcome() == WriteResult.Outcome.CREATED) {
                    batch.add(key(write.namespace(), write.name()));
                    lines.writeBytes(line(write));
                }
                results.add(result);
            }
            if (batch.isEmpty()) {
                return results;
            }
            try {
                append(lines.toByteArray());
            } catch (IOException e) {
                return results.stream().map(r -> r.outcome() != WriteResult.Outcome.CREATED ? r
                        : WriteResult.retryable(r.name(), FailureReason.UNAVAILABLE, "writing " + file + " failed: " + e, null))
                        .toList();
            }
            written.addAll(batch);
            return results;
        }
    }

    /** Observations in the file that match, newest first. Reads the file; meant for people, not for the hot path. */
    public List<StoredObservation> list(ObservationQuery query) {
        Deque<StoredObservation> newest = new ArrayDeque<>(query.limit());
        synchronized (lock) {
            forEachLine(node -> {
                StoredObservation stored = ObservationJson.MAPPER.convertValue(node, StoredObservation.class);
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
        return written.contains(key) || batch.contains(key)
                ? WriteResult.alreadyExists(write.name())
                : WriteResult.created(write.name());
    }

    private byte[] line(ObservationWrite write) {
        try {
            byte[] json = ObservationJson.MAPPER.writeValueAsBytes(StoredObservation.of(write, clock.instant()));
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("an Observation always serializes", e);
        }
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
        forEachLine(node -> written.add(key(node.path("metadata").path("namespace").asText(),
                node.path("metadata").path("name").asText())));
        LOG.info("Local Observation sink at {} holds {} Observations.", file.toAbsolutePath(), written.size());
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

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
