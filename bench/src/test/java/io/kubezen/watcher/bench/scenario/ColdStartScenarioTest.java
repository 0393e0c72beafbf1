package io.kubezen.watcher.bench.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartScenarioTest {

    @Test
    void readsEachRunTimeThatColdStartShPrints() {
        String output = """
                run 1: 3484 ms
                run 2: 3120 ms
                run 3: 2990 ms
                median: 3120 ms over 3 runs
                """;

        assertThat(ColdStartScenario.times(output)).containsExactly(3484.0, 3120.0, 2990.0);
    }

    @Test
    void outputWithoutRunTimesIsAnError() {
        assertThatThrownBy(() -> ColdStartScenario.times("Error: Unable to access jarfile\n"))
                .hasMessageContaining("printed no run times");
    }
}
