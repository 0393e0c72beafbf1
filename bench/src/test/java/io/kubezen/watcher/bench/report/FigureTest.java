package io.kubezen.watcher.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureTest {

    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Figure.of("falco", "requests/s", "1/s", List.of(4100.0, 1800.0, 3200.0)).median()).isEqualTo(3200.0);
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(Figure.of("falco", "requests/s", "1/s", List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void theVerdictJudgesTheMedianNotTheBestRun() {
        Figure figure = Figure.of("falco", "requests/s", "1/s", List.of(6000.0, 4000.0, 4500.0)).withGoal(Goal.atLeast(5000));

        assertThat(figure.verdict()).isEqualTo("missed by 10 %");
        assertThat(Figure.of("falco", "events/s", "1/s", List.of(1.0)).verdict()).isEmpty();
    }

    @Test
    void aFigureWithoutRunsIsRefused() {
        assertThatThrownBy(() -> Figure.of("falco", "requests/s", "1/s", List.of()))
                .hasMessageContaining("falco requests/s");
    }
}
