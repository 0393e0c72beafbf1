package io.kubezen.watcher.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One measured quantity of a scenario: the value of each run, reported as their median so that one run
 * disturbed by another process on the machine does not move the result.
 *
 * @param goal the target, if it sets one
 */
public record Figure(String scenario, String metric, String unit, List<Double> runs, Optional<Goal> goal) {

    public Figure {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(scenario + " " + metric + ": a figure needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    public static Figure of(String scenario, String metric, String unit, List<Double> runs) {
        return new Figure(scenario, metric, unit, runs, Optional.empty());
    }

    public Figure withGoal(Goal target) {
        return new Figure(scenario, metric, unit, runs, Optional.of(target));
    }

    /** The middle run; of an even number, the mean of the two middle ones. */
    public double median() {
        List<Double> sorted = new ArrayList<>(runs);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public String verdict() {
        return goal.map(target -> target.verdict(median())).orElse("");
    }
}
