package io.kubezen.watcher.controller.leader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records when a leader duty ran in which process, across the processes of one test, to prove that no two ever
 * ran at once. It also counts the duties running at the same moment, which catches an overlap even when two
 * intervals meet within one clock tick.
 */
public final class DutyLog {

    private final Object lock = new Object();
    private final List<Interval> intervals = new ArrayList<>();
    private int runningNow;
    private int mostAtOnce;

    /** A duty that logs each of its terms here; one per process. */
    public LeaderDuty duty(String process) {
        return new LeaderDuty() {
            @Override
            public String name() {
                return "duty-log";
            }

            @Override
            public void lead(LeadershipTerm term) throws InterruptedException {
                Instant start = begin();
                try {
                    term.awaitEnd(java.time.Duration.ofDays(1));
                } finally {
                    end(process, start);
                }
            }
        };
    }

    public List<Interval> intervals() {
        synchronized (lock) {
            return List.copyOf(intervals);
        }
    }

    public void assertNeverOverlapped() {
        synchronized (lock) {
            assertThat(mostAtOnce).as("duties running at the same time").isLessThanOrEqualTo(1);
            List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).start()).as("%s starts after %s", sorted.get(i), sorted.get(i - 1))
                        .isAfterOrEqualTo(sorted.get(i - 1).end());
            }
        }
    }

    private Instant begin() {
        synchronized (lock) {
            mostAtOnce = Math.max(mostAtOnce, ++runningNow);
            return Instant.now();
        }
    }

    private void end(String process, Instant start) {
        synchronized (lock) {
            runningNow--;
            intervals.add(new Interval(process, start, Instant.now()));
        }
    }

    public record Interval(String process, Instant start, Instant end) {
    }
}
