package io.kubezen.watcher.bench.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoalTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rate above a floor          | AT_LEAST | 5000 | 6200 | met
            rate on the floor           | AT_LEAST | 5000 | 5000 | met
            rate below a floor          | AT_LEAST | 5000 | 3800 | missed by 24 %
            latency under a ceiling     | AT_MOST  | 20   | 12.5 | met
            latency over a ceiling      | AT_MOST  | 20   | 30   | missed by 50 %
            errors where none may be    | AT_MOST  | 0    | 3    | missed by 3
            """)
    void saysWhetherAndByHowMuchAValueMissesItsTarget(String name, Goal.Direction direction, double target,
                                                     double value, String verdict) {
        assertThat(new Goal(direction, target).verdict(value)).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            whole number     | AT_LEAST | 25000 | >= 25,000
            fraction         | AT_LEAST | 0.5   | >= 0.50
            ceiling          | AT_MOST  | 300   | <= 300
            """)
    void describesItsTarget(String name, Goal.Direction direction, double target, String description) {
        assertThat(new Goal(direction, target).describe()).isEqualTo(description);
    }
}
