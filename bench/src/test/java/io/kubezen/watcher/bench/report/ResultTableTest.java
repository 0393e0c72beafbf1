package io.kubezen.watcher.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    private final ResultTable table = new ResultTable(List.of(
            Figure.of("falco", "requests/s", "1/s", List.of(4100.0, 5300.0, 5200.0)).withGoal(Goal.atLeast(5000)),
            Figure.of("falco-70pct", "latency p99", "ms", List.of(12.34)).withGoal(Goal.atMost(20)),
            Figure.of("cold-start", "first 202 after process start", "ms", List.of(3484.0))));

    @Test
    void printsOneAlignedRowPerFigureWithMedianRunsGoalAndVerdict() {
        assertThat(table.text()).isEqualTo("""
                scenario     metric                         unit  median  runs               goal      verdict
                falco        requests/s                     1/s    5,200  4,100 5,300 5,200  >= 5,000  met
                falco-70pct  latency p99                    ms      12.3  12.3               <= 20     met
                cold-start   first 202 after process start  ms     3,484  3,484
                """);
    }

    @Test
    void writesTheSameCellsAsTabSeparatedValues() {
        assertThat(table.tsv().lines()).containsExactly(
                "scenario\tmetric\tunit\tmedian\truns\tgoal\tverdict",
                "falco\trequests/s\t1/s\t5,200\t4,100 5,300 5,200\t>= 5,000\tmet",
                "falco-70pct\tlatency p99\tms\t12.3\t12.3\t<= 20\tmet",
                "cold-start\tfirst 202 after process start\tms\t3,484\t3,484\t\t");
    }
}
