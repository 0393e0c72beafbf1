package io.kubezen.watcher.controller.informer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Informers run while leading only, and follow source updates; the watches are recording stand-ins. */
class InformerDutyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<String> log = new CopyOnWriteArrayList<>();
    private static final SourceCompiler COMPILER = new SourceCompiler(SourceAdapterRegistry.load(),
            PipelineOptions.DEFAULT);

    private final List<InformerSource> started = new CopyOnWriteArrayList<>();
    private final InformerDuty duty = new InformerDuty(COMPILER, this::start, Install.DEFAULT);
    private final LeaderDuties leader = new LeaderDuties(List.of(duty), LeadershipListener.NOOP, WAIT,
            new SimpleMeterRegistry());
    private volatile boolean synced;

    @AfterEach
    void stepDown() {
        leader.lost(new LeadershipLost("a", Instant.EPOCH));
    }

    @Test
    void startsInformersOnlyWhileLeadingAndStopsThemWhenLeadershipEnds() throws Exception {
        duty.update(List.of(spec("kyverno", "policyreports"), spec("trivy", "vulnerabilityreports")));
        assertThat(log).isEmpty();

        leader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        Await.until("both sources started", WAIT, () -> log.size() == 2);
        assertThat(log).containsExactlyInAnyOrder("start kyverno", "start trivy");
        assertThat(duty.ready()).as("caches not synced yet").isFalse();
        synced = true;
        Await.until("ready once the caches synced", WAIT, duty::ready);

        leader.lost(new LeadershipLost("a", Instant.EPOCH));

        assertThat(log).hasSize(4).contains("stop kyverno", "stop trivy");
    }

    @Test
    void updateRestartsChangedSourcesOnlyAndIgnoresOtherTypes() throws Exception {
        duty.update(List.of(spec("kyverno", "policyreports"), spec("trivy", "vulnerabilityreports")));
        leader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        Await.until("both sources started", WAIT, () -> log.size() == 2);

        duty.update(List.of(spec("kyverno", "clusterpolicyreports"), spec("trivy", "vulnerabilityreports"),
                YAML.readValue("{source: falco, type: falco}", IngesterSpec.class)));

        Await.until("kyverno restarted", WAIT, () -> log.size() == 4);
        assertThat(log.subList(2, 4)).containsExactly("stop kyverno", "start kyverno");
    }

    @Test
    void reportsSourcesThatDoNotCompileAndRunsTheRest() throws Exception {
        var problems = duty.update(List.of(spec("kyverno", "policyreports"),
                YAML.readValue("{source: broken, type: informer, informer: {version: v1, resource: x, "
                        + "builtinMapping: nope}}", IngesterSpec.class)));

        assertThat(problems).containsOnlyKeys("broken");
        assertThat(problems.get("broken").get(0).field()).isEqualTo("spec.informer.builtinMapping");
        leader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        Await.until("kyverno started", WAIT, () -> log.contains("start kyverno"));
        assertThat(log).containsExactly("start kyverno");
    }

    @Test
    void eachSourceWatchesOnlyTheNamespacesOfItsOwnThatTheInstallOwns() throws Exception {
        InformerDuty scoped = new InformerDuty(COMPILER, this::start,
                new Install("teams", List.of("team-a", "team-b")));
        LeaderDuties scopedLeader = new LeaderDuties(List.of(scoped), LeadershipListener.NOOP, WAIT,
                new SimpleMeterRegistry());

        var problems = scoped.update(List.of(spec("everywhere", "policyreports"),
                spec("some", "policyreports", "[team-b, team-c]"), spec("elsewhere", "policyreports", "[team-c]")));
        scopedLeader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        try {
            Await.until("both sources started", WAIT, () -> started.size() == 2);
        } finally {
            scopedLeader.lost(new LeadershipLost("a", Instant.EPOCH));
        }

        assertThat(started).extracting(InformerSource::name, InformerSource::namespaces).containsExactlyInAnyOrder(
                tuple("everywhere", List.of("team-a", "team-b")), tuple("some", List.of("team-b")));
        assertThat(problems).containsOnlyKeys("elsewhere");
        assertThat(problems.get("elsewhere").get(0).field()).isEqualTo("spec.informer.namespaces");
    }

    private SourceWatch start(InformerSource source) {
        log.add("start " + source.name());
        started.add(source);
        return new SourceWatch() {
            @Override
            public boolean hasSynced() {
                return synced;
            }

            @Override
            public void close() {
                log.add("stop " + source.name());
            }
        };
    }

    private static IngesterSpec spec(String name, String resource) throws Exception {
        return spec(name, resource, "[]");
    }

    private static IngesterSpec spec(String name, String resource, String namespaces) throws Exception {
        return YAML.readValue("{source: %s, type: informer, informer: {group: example.io, version: v1, resource: %s, "
                .formatted(name, resource) + "namespaces: " + namespaces + ", builtinMapping: policy-report}}",
                IngesterSpec.class);
    }
}
