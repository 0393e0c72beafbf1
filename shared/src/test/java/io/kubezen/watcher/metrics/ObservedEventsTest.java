package io.kubezen.watcher.metrics;

import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.pipeline.Admitted;
import io.kubezen.watcher.pipeline.DedupPolicy;
import io.kubezen.watcher.pipeline.IngestedEvent;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObservedEventsTest {

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(START);
    private final ObservedEvents observed = new ObservedEvents(registry, clock, new EventTypeLabels(2));

    @Test
    void newEventsAndRepeatsAreCountedBySourceCategorySeverityAndEventType() {
        IngestedEvent shell = event("fp-1", Severity.CRITICAL, "terminal_shell_in_container");
        IngestedEvent shellAgain = event("fp-1", Severity.CRITICAL, "terminal_shell_in_container");
        IngestedEvent etc = event("fp-2", Severity.HIGH, "write_below_etc");

        observed.record("falco", 3, List.of(shell, shellAgain, etc), admitted(shell, etc));

        assertThat(count(MetricNames.EVENTS, "critical", "terminal_shell_in_container")).isEqualTo(1);
        assertThat(count(MetricNames.EVENTS_REPEATED, "critical", "terminal_shell_in_container")).isEqualTo(1);
        assertThat(count(MetricNames.EVENTS, "high", "write_below_etc")).isEqualTo(1);
        assertThat(registry.find(MetricNames.EVENTS_REPEATED).tag(MetricNames.TAG_SEVERITY, "high").counter())
                .as("no repeat of the high one").isNull();
    }

    @Test
    void eventTypesPastTheCapAreCountedAsOther() {
        List<IngestedEvent> events = List.of(event("fp-1", Severity.HIGH, "a"), event("fp-2", Severity.HIGH, "b"),
                event("fp-3", Severity.HIGH, "c"), event("fp-4", Severity.HIGH, "d"));

        observed.record("falco", 4, events, admitted(events.toArray(IngestedEvent[]::new)));

        assertThat(count(MetricNames.EVENTS, "high", "a")).isEqualTo(1);
        assertThat(count(MetricNames.EVENTS, "high", "b")).isEqualTo(1);
        assertThat(count(MetricNames.EVENTS, "high", EventTypeLabels.OTHER)).isEqualTo(2);
    }

    @Test
    void theLastEventTimeStartsWhenTheSourceIsServedAndMovesWithEveryReceivedEvent() {
        observed.track("falco", null);
        assertThat(lastEvent("falco")).isEqualTo(START.getEpochSecond());

        clock.advance(Duration.ofMinutes(5));
        observed.record("falco", 1, List.of(), new Admitted(List.of(), 0));

        assertThat(lastEvent("falco")).as("a filtered event shows the source alive too")
                .isEqualTo(START.plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    @Test
    void aSourceThisProcessDoesNotServeHasNoGauges() {
        observed.record("falco", 1, List.of(), new Admitted(List.of(), 0));

        assertThat(registry.find(MetricNames.LAST_EVENT).gauge()).isNull();
    }

    @Test
    void theThresholdIsExportedWhileTheSourceSetsOne() {
        observed.track("kube-audit", Duration.ofMinutes(10));
        assertThat(threshold("kube-audit")).isEqualTo(600);

        observed.track("kube-audit", Duration.ofMinutes(30));
        assertThat(threshold("kube-audit")).isEqualTo(1800);

        observed.track("kube-audit", null);
        assertThat(registry.find(MetricNames.SILENT_AFTER).gauge()).isNull();
        assertThat(registry.find(MetricNames.LAST_EVENT).tag(MetricNames.TAG_SOURCE, "kube-audit").gauge()).isNotNull();
    }

    @Test
    void anUntrackedSourceLosesItsGaugesButKeepsItsCounters() {
        IngestedEvent shell = event("fp-1", Severity.CRITICAL, "terminal_shell_in_container");
        observed.track("falco", Duration.ofHours(1));
        observed.record("falco", 1, List.of(shell), admitted(shell));

        observed.untrack("falco");

        assertThat(registry.find(MetricNames.LAST_EVENT).gauge()).isNull();
        assertThat(registry.find(MetricNames.SILENT_AFTER).gauge()).isNull();
        assertThat(observed.tracked()).isEmpty();
        assertThat(count(MetricNames.EVENTS, "critical", "terminal_shell_in_container")).isEqualTo(1);
    }

    @Test
    void trackingAgainKeepsTheLastEventTime() {
        observed.track("falco", null);
        clock.advance(Duration.ofMinutes(1));

        observed.track("falco", Duration.ofHours(1));

        assertThat(lastEvent("falco")).isEqualTo(START.getEpochSecond());
    }

    private double count(String name, String severity, String eventType) {
        Counter counter = registry.find(name).tags(MetricNames.TAG_SOURCE, "falco", MetricNames.TAG_CATEGORY, "security",
                MetricNames.TAG_SEVERITY, severity, MetricNames.TAG_EVENT_TYPE, eventType).counter();
        return counter == null ? 0 : counter.count();
    }

    private double lastEvent(String source) {
        return registry.get(MetricNames.LAST_EVENT).tag(MetricNames.TAG_SOURCE, source).gauge().value();
    }

    private double threshold(String source) {
        return registry.get(MetricNames.SILENT_AFTER).tag(MetricNames.TAG_SOURCE, source).gauge().value();
    }

    private static Admitted admitted(IngestedEvent... queued) {
        List<QueuedObservation> firsts = Arrays.stream(queued)
                .map(event -> new QueuedObservation(event.observation(), event.fingerprint(), START)).toList();
        return new Admitted(firsts, 0);
    }

    private static IngestedEvent event(String fingerprint, Severity severity, String eventType) {
        ObservationSpec spec = new ObservationSpec("falco", Category.SECURITY, severity, eventType, null,
                "Falco alert", null, null, START, fingerprint, null);
        return new IngestedEvent(new Observation("prod", Map.of(), spec), fingerprint,
                new DedupPolicy(true, Duration.ofMinutes(5), false));
    }
}
