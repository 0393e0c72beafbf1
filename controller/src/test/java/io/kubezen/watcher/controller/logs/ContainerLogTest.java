package io.kubezen.watcher.controller.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.controller.logs.memory.InMemoryLogPositionStore;
import io.kubezen.watcher.admission.memory.InMemoryAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.source.logs.LogLine;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The step per line, called directly: no stream, no threads, in-memory stores. */
class ContainerLogTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:07.250Z");
    private static final ContainerKey API = new ContainerKey("shop", "api-1", "api");

    private final MutableClock clock = new MutableClock(T);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryLogPositionStore positions = new InMemoryLogPositionStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue(1_000, clock);
    private final LogSource source = source();
    private final SourceMeters meters = new SourceMeters(source.name(), registry);

    @Test
    void aMatchIsQueuedAndItsPositionRecordedAtOnceWhileUnmatchedLinesWaitForTheCheckpoint() {
        ContainerLog log = containerLog(3);
        assertThat(log.begin(T.minusSeconds(30))).isEqualTo(Instant.parse("2026-01-01T09:59:37Z"));

        log.accept(line(T, "INFO starting"));
        assertThat(positions.get("app-logs", API)).as("one unmatched line is not recorded yet").isEmpty();
        log.accept(line(T.plusMillis(1), "ERROR disk full"));

        assertThat(queue.stats("writers").length()).isEqualTo(1);
        assertThat(positions.get("app-logs", API)).contains(new LogPosition(T.plusMillis(1), 1));
        for (int i = 2; i < 5; i++) {
            log.accept(line(T.plusMillis(i), "INFO " + i));
        }
        assertThat(positions.get("app-logs", API)).contains(new LogPosition(T.plusMillis(4), 1));
        assertThat(count(MetricNames.LOG_LINES_READ)).isEqualTo(5);
        assertThat(count(MetricNames.LOG_LINES_MATCHED)).isEqualTo(1);
    }

    @Test
    void aResumedStreamStartsAtTheSecondAndSkipsExactlyTheLinesHandledThoughTheyShareTheirTimestamp() {
        ContainerLog first = containerLog(100);
        first.begin(T);
        first.accept(line(T, "ERROR one"));
        first.accept(line(T, "ERROR two"));
        first.end();

        ContainerLog next = containerLog(100);
        Instant since = next.begin(T.minusSeconds(3600));
        List.of(line(T.minusMillis(200), "ERROR from earlier in the second"), line(T, "ERROR one"),
                line(T, "ERROR two"), line(T, "ERROR three"), line(T.plusMillis(1), "ERROR four")).forEach(next::accept);

        assertThat(since).isEqualTo(Instant.parse("2026-01-01T10:00:07Z"));
        assertThat(queue.stats("writers").length()).as("one, two, then three and four only").isEqualTo(4);
        assertThat(positions.get("app-logs", API)).contains(new LogPosition(T.plusMillis(1), 1));
    }

    @Test
    void theEndOfAStreamRecordsWhatWasReadSinceTheLastRecord() {
        ContainerLog log = containerLog(100);
        log.begin(T);
        log.accept(line(T, "INFO a"));
        log.accept(line(T, "INFO b"));

        log.end();

        assertThat(positions.get("app-logs", API)).contains(new LogPosition(T, 2));
    }

    @Test
    void aLineOlderThanThePositionDoesNotMoveItBack() {
        ContainerLog log = containerLog(1);
        log.begin(T);
        log.accept(line(T, "INFO a"));
        log.accept(line(T.minusSeconds(2), "INFO clock stepped back"));

        assertThat(positions.get("app-logs", API)).contains(new LogPosition(T, 1));
    }

    private ContainerLog containerLog(int checkpointLines) {
        Admission admission = new Admission(new InMemoryAdmissionStore(new InMemoryDedupStore(clock,
                InMemoryDedupStore.DEFAULT_MAX_ENTRIES, DedupStore.DEFAULT_STATUS_INTERVAL), queue, clock),
                new InMemoryDedupWindows(), clock);
        return new ContainerLog(source, API, positions, admission, meters,
                new ObservedEvents(registry, clock, new EventTypeLabels(10)), checkpointLines);
    }

    private double count(String name) {
        return registry.get(name).tag(MetricNames.TAG_SOURCE, "app-logs").counter().count();
    }

    private static LogLine line(Instant time, String text) {
        return new LogLine(API.namespace(), API.pod(), API.container(), time, text);
    }

    /** Dedup off, so only the position can keep a line from being queued twice. */
    private static LogSource source() {
        try {
            IngesterSpec spec = new ObjectMapper(new YAMLFactory()).readValue("""
                    source: app-logs
                    type: logs
                    logs: {patterns: [{name: errors, regex: 'ERROR (?P<message>.*)', groups: {title: message}}]}
                    dedup: {enabled: false}
                    """, IngesterSpec.class);
            return new LogSource(spec.source(), spec.logs(), new SourceCompiler(SourceAdapterRegistry.load(),
                    PipelineOptions.DEFAULT).compile(SourceDefinition.of(spec, null)), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
