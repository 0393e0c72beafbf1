package io.kubezen.watcher.controller.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.controller.leader.LeaderDuties;
import io.kubezen.watcher.controller.leader.LeadershipAcquired;
import io.kubezen.watcher.controller.leader.LeadershipListener;
import io.kubezen.watcher.controller.leader.LeadershipLost;
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

/** Logs sources are followed while leading only, and follow source updates; the follows are recording stand-ins. */
class LogsDutyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final LogsDuty duty = new LogsDuty(new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT),
            source -> {
                log.add("start " + source.name() + " " + source.logs().podSelector());
                return () -> log.add("stop " + source.name());
            }, Install.DEFAULT);
    private final LeaderDuties leader = new LeaderDuties(List.of(duty), LeadershipListener.NOOP, WAIT,
            new SimpleMeterRegistry());

    @AfterEach
    void stepDown() {
        leader.lost(new LeadershipLost("a", Instant.EPOCH));
    }

    @Test
    void followsOnlyWhileLeadingAndRestartsChangedSourcesOnly() throws Exception {
        duty.update(List.of(spec("shop", "app=shop"), spec("bench", "app=kube-bench"),
                YAML.readValue("{source: falco, type: falco}", IngesterSpec.class)));
        assertThat(log).isEmpty();

        leader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        Await.until("both sources followed", WAIT, () -> log.size() == 2);
        duty.update(List.of(spec("shop", "app=shop,tier=api"), spec("bench", "app=kube-bench")));
        Await.until("shop restarted", WAIT, () -> log.size() == 4);
        leader.lost(new LeadershipLost("a", Instant.EPOCH));

        assertThat(log).containsExactlyInAnyOrder("start shop app=shop", "start bench app=kube-bench",
                "stop shop", "start shop app=shop,tier=api", "stop shop", "stop bench");
        assertThat(log.subList(2, 4)).containsExactly("stop shop", "start shop app=shop,tier=api");
    }

    @Test
    void reportsSourcesThatDoNotCompileNamingThePattern() throws Exception {
        var problems = duty.update(List.of(spec("shop", "app=shop"), YAML.readValue(
                "{source: broken, type: logs, logs: {patterns: [{name: lookahead, regex: 'a(?=b)'}]}}",
                IngesterSpec.class)));

        assertThat(problems).containsOnlyKeys("broken");
        assertThat(problems.get("broken").get(0).toString())
                .startsWith("spec.logs.patterns[0].regex: pattern 'lookahead' is not an RE2 regular expression");
    }

    @Test
    void followsOnlyTheNamespacesTheInstallOwns() throws Exception {
        List<String> followed = new CopyOnWriteArrayList<>();
        LogsDuty scoped = new LogsDuty(new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT),
                source -> {
                    followed.add(source.name() + " " + source.namespaces());
                    return () -> { };
                }, new Install("team-a", List.of("shop", "ops")));
        LeaderDuties scopedLeader = new LeaderDuties(List.of(scoped), LeadershipListener.NOOP, WAIT,
                new SimpleMeterRegistry());

        var problems = scoped.update(List.of(
                YAML.readValue("{source: some, type: logs, logs: {namespaces: [shop, payments], "
                        + "patterns: [{name: errors, regex: 'ERROR'}]}}", IngesterSpec.class),
                YAML.readValue("{source: other, type: logs, logs: {namespaces: [payments], "
                        + "patterns: [{name: errors, regex: 'ERROR'}]}}", IngesterSpec.class),
                spec("everywhere", "app=shop")));
        scopedLeader.acquired(new LeadershipAcquired("a", Instant.EPOCH));
        Await.until("both owned sources followed", WAIT, () -> followed.size() == 2);
        scopedLeader.lost(new LeadershipLost("a", Instant.EPOCH));

        assertThat(problems).containsOnlyKeys("other");
        assertThat(problems.get("other").get(0).toString()).startsWith("spec.logs.namespaces: none of [payments]");
        assertThat(followed).containsExactlyInAnyOrder("some [shop]", "everywhere [shop, ops]");
    }

    private static IngesterSpec spec(String source, String selector) throws Exception {
        return YAML.readValue("{source: " + source + ", type: logs, logs: {podSelector: '" + selector + "', "
                + "patterns: [{name: errors, regex: 'ERROR'}]}}", IngesterSpec.class);
    }
}
