package io.kubezen.watcher.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunPlanTest {

    @Test
    void aScaledPlanKeepsItsRunsAndShortensEachOne() {
        assertThat(RunPlan.FULL.scaled(0.25)).isEqualTo(new RunPlan(Duration.ofMillis(3_750), 3, Duration.ofSeconds(5)));
    }

    @Test
    void aPlanNeedsARun() {
        assertThatThrownBy(() -> new RunPlan(Duration.ZERO, 0, Duration.ofSeconds(1))).hasMessageContaining("at least 1");
    }
}
