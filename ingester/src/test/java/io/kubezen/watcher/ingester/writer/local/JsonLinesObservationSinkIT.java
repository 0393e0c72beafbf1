package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.ObservationSinkContract;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.ingester.writer.SeenStatus;
import io.kubezen.watcher.ingester.writer.StatusWrite;
import io.kubezen.watcher.ingester.writer.TestObservations;
import io.kubezen.watcher.ingester.writer.WriteRails;
import io.kubezen.watcher.ingester.writer.WriteResult;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.model.TtlPolicy;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesObservationSinkIT extends ObservationSinkContract {

    private static final TtlPolicy TTL = new TtlPolicy(TtlPolicy.DEFAULT_TTL);
    private static final ObservationQuery ALL = new ObservationQuery(null, null, ObservationQuery.MAX_LIMIT);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<JsonLinesObservationSink> opened = new ArrayList<>();

    @TempDir
    Path dir;

    @Override
    protected ObservationSink newSink(WriteRails rails) throws IOException {
        return open(rails);
    }

    @Override
    protected SeenStatus status(String namespace, String name) {
        return opened.get(opened.size() - 1).list(new ObservationQuery(null, null, ObservationQuery.MAX_LIMIT)).stream()
                .filter(o -> o.metadata().namespace().equals(namespace) && o.metadata().name().equals(name))
                .map(o -> new SeenStatus(o.status().firstSeen(), o.status().lastSeen(), o.status().duplicateCount()))
                .findFirst().orElse(null);
    }

    @Override
    protected List<Stored> stored(String namespace) {
        return opened.get(opened.size() - 1).list(new ObservationQuery(null, null, ObservationQuery.MAX_LIMIT)).stream()
                .filter(o -> o.metadata().namespace().equals(namespace))
                .map(o -> new Stored(o.metadata().name(), o.spec()))
                .toList();
    }

    @AfterEach
    void closeSinks() throws IOException {
        for (JsonLinesObservationSink sink : opened) {
            sink.close();
        }
    }

    @Test
    void createsMissingDirectoriesAndWritesOneLinePerObservation() throws IOException {
        Path file = dir.resolve("nested/deeper/observations.jsonl");
        JsonLinesObservationSink sink = track(new JsonLinesObservationSink(file, WriteRails.defaults(), clock));

        sink.writeAll(List.of(write("falco", Severity.HIGH, "a"), write("trivy", Severity.LOW, "b")));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("{\"apiVersion\":\"zen.kube-zen.io/v1alpha1\",\"kind\":\"Observation\",\"metadata\":{")
                .contains("\"creationTimestamp\":\"2026-03-01T12:00:00Z\"")
                .contains("\"app.kubernetes.io/managed-by\":\"zen-watcher\"")
                .contains("\"status\":{\"firstSeen\":\"2026-03-01T10:15:30.250Z\",\"lastSeen\":\"2026-03-01T10:15:30.250Z\","
                        + "\"duplicateCount\":0}");
    }

    @Test
    void redeliveryAfterARestartIsAlreadyExists() throws IOException {
        ObservationWrite write = write("falco", Severity.HIGH, "a");
        open(WriteRails.defaults()).write(write);

        WriteResult again = open(WriteRails.defaults()).write(write);

        assertThat(again.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(Files.readAllLines(file())).hasSize(1);
    }

    /** The index read back from the file: names, and each one's latest status from its status lines. */
    @Test
    void statusesAfterARestartAreTheFilesLatest() throws IOException {
        ObservationWrite write = write("falco", Severity.HIGH, "a");
        Instant first = write.firstSeen();
        SeenStatus repeated = new SeenStatus(first, first.plusSeconds(5).plusNanos(123_456_789), 4);
        JsonLinesObservationSink before = open(WriteRails.defaults());
        before.write(write);
        before.updateStatus(new StatusWrite(write.name(), "apps", write.destination(), repeated));

        JsonLinesObservationSink reopened = open(WriteRails.defaults());

        assertThat(status("apps", write.name())).isEqualTo(repeated);
        assertThat(reopened.updateStatus(new StatusWrite(write.name(), "apps", write.destination(),
                new SeenStatus(first, first.plusSeconds(2), 3))).outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
        assertThat(reopened.updateStatus(new StatusWrite(write.name(), "apps", write.destination(),
                new SeenStatus(first, first.plusSeconds(9), 6))).outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
        assertThat(reopened.updateStatus(new StatusWrite("never-written", "apps", write.destination(), repeated))
                .outcome()).isEqualTo(WriteResult.Outcome.GONE);
        assertThat(status("apps", write.name())).isEqualTo(new SeenStatus(first, first.plusSeconds(9), 6));
    }

    @Test
    void incompleteLastLineFromACrashIsCutAndItsEntryWrittenAgain() throws IOException {
        ObservationWrite kept = write("falco", Severity.HIGH, "kept");
        ObservationWrite torn = write("falco", Severity.HIGH, "torn");
        open(WriteRails.defaults()).write(kept);
        Files.writeString(file(), "{\"apiVersion\":\"zen.kube-zen.io/v1alpha1\",\"metadata\":{\"name\":\""
                + torn.name(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JsonLinesObservationSink reopened = open(WriteRails.defaults());

        assertThat(reopened.write(kept).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(reopened.write(torn).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(Files.readAllLines(file())).hasSize(2).allSatisfy(line -> assertThat(line).endsWith("}"));
    }

    @Test
    void listIsNewestFirstFilteredAndLimited() throws IOException {
        JsonLinesObservationSink sink = open(WriteRails.defaults());
        sink.write(write("falco", Severity.HIGH, "1"));
        clock.advance(Duration.ofSeconds(1));
        sink.write(write("trivy", Severity.HIGH, "2"));
        clock.advance(Duration.ofSeconds(1));
        sink.write(write("falco", Severity.LOW, "3"));
        clock.advance(Duration.ofSeconds(1));
        sink.write(write("falco", Severity.HIGH, "4"));

        assertThat(names(sink, new ObservationQuery(null, null, 10))).containsExactly("4", "3", "2", "1");
        assertThat(names(sink, new ObservationQuery("falco", null, 10))).containsExactly("4", "3", "1");
        assertThat(names(sink, new ObservationQuery(null, Severity.HIGH, 10))).containsExactly("4", "2", "1");
        assertThat(names(sink, new ObservationQuery("falco", Severity.HIGH, 1))).containsExactly("4");
    }

    @Test
    void gcDeletesObservationsPastTheirTtlWithTheirStatusLines() throws IOException {
        JsonLinesObservationSink sink = open(WriteRails.defaults());
        ObservationWrite hourly = TestObservations.withTtl(write("falco", Severity.HIGH, "hourly"), 3600);
        ObservationWrite weekly = write("falco", Severity.HIGH, "weekly");
        sink.writeAll(List.of(hourly, weekly));
        sink.updateStatusAll(List.of(repeated(hourly, 2), repeated(weekly, 3)));
        clock.advance(Duration.ofHours(1));

        assertThat(sink.deleteExpired(TTL, clock.instant())).isEqualTo(1);

        assertThat(names(sink, ALL)).containsExactly("weekly");
        assertThat(status("apps", weekly.name())).isEqualTo(repeated(weekly, 3).status());
        assertThat(Files.readAllLines(file())).hasSize(2).allSatisfy(line -> assertThat(line).contains(weekly.name()));
        assertThat(sink.updateStatus(repeated(hourly, 4)).outcome()).isEqualTo(WriteResult.Outcome.GONE);
        assertThat(sink.write(hourly).outcome())
                .as("a redelivery after GC creates it anew, as the API server does once GC deleted it")
                .isEqualTo(WriteResult.Outcome.CREATED);
        assertThat(sink.deleteExpired(TTL, clock.instant())).isZero();

        JsonLinesObservationSink reopened = open(WriteRails.defaults());
        assertThat(reopened.write(weekly).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(reopened.write(hourly).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(status("apps", weekly.name())).isEqualTo(repeated(weekly, 3).status());
    }

    @Test
    void writesWhileGcRunsAreKept() throws Exception {
        JsonLinesObservationSink sink = open(WriteRails.defaults());
        int expiring = 3_000;
        for (int i = 0; i < expiring; i += 100) {
            List<ObservationWrite> batch = new ArrayList<>();
            for (int j = i; j < i + 100; j++) {
                batch.add(TestObservations.withTtl(write("falco", Severity.HIGH, "old-" + j), 60));
            }
            sink.writeAll(batch);
        }
        clock.advance(Duration.ofMinutes(2));
        List<ObservationWrite> fresh = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            fresh.add(write("falco", Severity.HIGH, "new-" + i));
        }

        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < fresh.size(); i += 5) {
                    sink.writeAll(fresh.subList(i, i + 5));
                    sink.updateStatusAll(fresh.subList(i, i + 5).stream().map(w -> repeated(w, 1)).toList());
                }
            });
            int deleted = 0;
            do {
                deleted += sink.deleteExpired(TTL, clock.instant());
            } while (!writing.isDone());
            writing.get();
            assertThat(deleted).isEqualTo(expiring);
        } finally {
            writer.shutdownNow();
        }

        assertThat(Files.readAllLines(file())).hasSize(2 * fresh.size());
        JsonLinesObservationSink reopened = open(WriteRails.defaults());
        assertThat(reopened.writeAll(fresh)).allMatch(result -> result.outcome() == WriteResult.Outcome.ALREADY_EXISTS);
        ObservationWrite last = fresh.get(fresh.size() - 1);
        assertThat(status("apps", last.name())).isEqualTo(repeated(last, 1).status());
    }

    @Test
    void aFailedGcLeavesTheFileAsItWas() throws IOException {
        JsonLinesObservationSink sink = open(WriteRails.defaults());
        ObservationWrite expired = TestObservations.withTtl(write("falco", Severity.HIGH, "expired"), 60);
        sink.write(expired);
        clock.advance(Duration.ofMinutes(2));
        Files.createDirectories(dir.resolve("observations.jsonl.gc").resolve("in-the-way"));

        assertThatThrownBy(() -> sink.deleteExpired(TTL, clock.instant())).isInstanceOf(IOException.class);

        assertThat(Files.readAllLines(file())).hasSize(1);
        assertThat(sink.write(expired).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_EXISTS);
        assertThat(sink.write(write("falco", Severity.HIGH, "later")).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    }

    /** A rewritten file that a crash left unfinished beside the sink's file is never read, and removed at start. */
    @Test
    void anUnfinishedRewriteIsRemovedAtStart() throws IOException {
        Path unfinished = dir.resolve("observations.jsonl.gc");
        Files.writeString(unfinished, "{\"apiVersion\":");

        open(WriteRails.defaults()).write(write("falco", Severity.HIGH, "a"));

        assertThat(unfinished).doesNotExist();
        assertThat(Files.readAllLines(file())).hasSize(1);
    }

    @Test
    void gcKeepsLinesItCannotRead() throws IOException {
        Files.writeString(file(), "not json\n");
        JsonLinesObservationSink sink = open(WriteRails.defaults());
        sink.write(TestObservations.withTtl(write("falco", Severity.HIGH, "expired"), 60));
        clock.advance(Duration.ofMinutes(2));

        assertThat(sink.deleteExpired(TTL, clock.instant())).isEqualTo(1);

        assertThat(Files.readAllLines(file())).containsExactly("not json");
    }

    private static List<String> names(JsonLinesObservationSink sink, ObservationQuery query) {
        return sink.list(query).stream().map(o -> o.spec().fingerprint()).toList();
    }

    private static ObservationWrite write(String source, Severity severity, String fingerprint) {
        return TestObservations.write("apps", source, severity, fingerprint);
    }

    private static StatusWrite repeated(ObservationWrite write, long duplicates) {
        return new StatusWrite(write.name(), "apps", write.destination(), new SeenStatus(write.firstSeen(),
                write.firstSeen().plusSeconds(duplicates), duplicates));
    }

    private JsonLinesObservationSink open(WriteRails rails) throws IOException {
        return track(new JsonLinesObservationSink(file(), rails, clock));
    }

    private JsonLinesObservationSink track(JsonLinesObservationSink sink) {
        opened.add(sink);
        return sink;
    }

    private Path file() {
        return dir.resolve("observations.jsonl");
    }
}
