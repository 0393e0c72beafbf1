package io.kubezen.watcher.bench.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    private static final int WORKING_SET = 50;

    private final EventIds ids = new EventIds("r1-0-", WORKING_SET, new SplittableRandom(7));

    @Test
    void everySecondIdIsNewAndTheOthersRepeatOneSeenBefore() {
        Set<String> seen = new HashSet<>();
        int repeats = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            boolean repeat = !seen.add(id);
            assertThat(repeat).as("id %d: %s", i, id).isEqualTo(i % 2 == 1);
            repeats += repeat ? 1 : 0;
        }
        assertThat(repeats).isEqualTo(5_000);
    }

    @Test
    void repeatsComeFromTheLastWorkingSetOfNewIdsOnly() {
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long n = Long.parseLong(ids.next().substring("r1-0-".length()));
            if (i % 2 == 0) {
                fresh.add(n);
            } else {
                assertThat(n).isBetween(fresh.get(fresh.size() - 1) - WORKING_SET + 1, fresh.get(fresh.size() - 1));
            }
        }
    }

    @Test
    void thePrefixKeepsStreamsApart() {
        EventIds other = new EventIds("r1-1-", WORKING_SET, new SplittableRandom(7));

        assertThat(ids.next()).isEqualTo("r1-0-1");
        assertThat(other.next()).isEqualTo("r1-1-1");
    }
}
