package io.kubezen.watcher.bench.scenario;

import io.kubezen.watcher.bench.BenchContext;
import io.kubezen.watcher.bench.report.Figure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioRegistryTest {

    @Test
    void loadsEveryRegisteredScenarioInTheOrderOfTheServiceFile() {
        assertThat(ScenarioRegistry.load().select(Set.of())).extracting(Scenario::name).containsExactly(
                "cold-start", "falco", "falco-70pct", "k8s-audit", "writer", "writer-throttled", "ceiling", "dedup-store",
                "redis-ceiling");
    }

    @Test
    void selectsByNameKeepingTheRegistryOrder() {
        ScenarioRegistry registry = new ScenarioRegistry(List.of(named("a"), named("b"), named("c")));

        assertThat(registry.select(Set.of("c", "a"))).extracting(Scenario::name).containsExactly("a", "c");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        ScenarioRegistry registry = new ScenarioRegistry(List.of(named("falco")));

        assertThatThrownBy(() -> registry.select(Set.of("writer", "falco")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scenarios [writer]; known: [falco]");
    }

    private static Scenario named(String name) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Figure> run(BenchContext context) {
                return List.of();
            }
        };
    }
}
