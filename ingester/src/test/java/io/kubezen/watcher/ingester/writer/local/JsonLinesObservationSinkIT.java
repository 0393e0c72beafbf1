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

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesObservationSinkIT extends ObservationSinkContract {

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

    private static List<String> names(JsonLinesObservationSink sink, ObservationQuery query) {
        return sink.list(query).stream().map(o -> o.spec().fingerprint()).toList();
    }

    private static ObservationWrite write(String source, Severity severity, String fingerprint) {
        return TestObservations.write("apps", source, severity, fingerprint);
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
