package io.kubezen.watcher.bench.reliability;

import io.kubezen.watcher.bench.load.AcknowledgedLoad;
import io.kubezen.watcher.bench.report.Figure;
import io.kubezen.watcher.bench.report.Goal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the senders were told against what the cluster holds. Every acknowledged event must end as exactly one
 * Observation or one dead letter: one that ended as neither is lost, one that ended as more than one thing is
 * duplicated. Events that were never acknowledged may or may not have been written; they are neither.
 */
public record Reconciliation(long sent, long acknowledged, long unavailable, long unavailableWithRetryAfter,
                             long observations, long deadLetters, long lost, long duplicates, long queued,
                             long unattributed) {

    public static Reconciliation of(AcknowledgedLoad.Tally tally, Cluster.Census census) {
        long lost = lostIds(tally, census).size();
        Set<String> ids = new HashSet<>(census.observations().keySet());
        ids.addAll(census.deadLetters().keySet());
        long duplicates = ids.stream()
                .mapToLong(id -> census.observations().getOrDefault(id, 0) + census.deadLetters().getOrDefault(id, 0) - 1)
                .sum();
        return new Reconciliation(tally.sent(), tally.acknowledged().size(), tally.unavailable(),
                tally.unavailableWithRetryAfter(),
                census.observations().values().stream().mapToLong(Integer::longValue).sum(),
                census.deadLetters().values().stream().mapToLong(Integer::longValue).sum(),
                lost, duplicates, census.queued(), census.unattributed());
    }

    /** The acknowledged events that are neither an Observation nor a dead letter, sorted. */
    public static List<String> lostIds(AcknowledgedLoad.Tally tally, Cluster.Census census) {
        return tally.acknowledged().stream()
                .filter(id -> !census.observations().containsKey(id) && !census.deadLetters().containsKey(id))
                .sorted().toList();
    }

    /** Loss, duplicates and entries left in the queue are held to zero; the rest are counts. */
    public List<Figure> figures(String scenario) {
        List<Figure> figures = new ArrayList<>();
        figures.add(count(scenario, "events sent", sent));
        figures.add(count(scenario, "acknowledged (2xx)", acknowledged));
        figures.add(count(scenario, "answered 503", unavailable));
        figures.add(count(scenario, "Observations", observations));
        figures.add(count(scenario, "dead letters", deadLetters));
        figures.add(count(scenario, "lost", lost).withGoal(Goal.atMost(0)));
        figures.add(count(scenario, "duplicates", duplicates).withGoal(Goal.atMost(0)));
        figures.add(count(scenario, "still queued after drain", queued).withGoal(Goal.atMost(0)));
        figures.add(count(scenario, "not from the load", unattributed).withGoal(Goal.atMost(0)));
        return figures;
    }

    static Figure count(String scenario, String metric, double value) {
        return Figure.of(scenario, metric, "count", List.of(value));
    }
}
