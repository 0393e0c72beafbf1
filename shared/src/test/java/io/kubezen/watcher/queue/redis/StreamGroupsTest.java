package io.kubezen.watcher.queue.redis;

import io.kubezen.watcher.queue.QueueStats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class StreamGroupsTest {

    @Test
    void redis7ReportsPendingAndLag() {
        List<Object> groups = List.of(
                List.of("name", "other", "consumers", 1L, "pending", 9L, "last-delivered-id", "1-0", "entries-read", 1L, "lag", 9L),
                List.of("name", "zw-writers", "consumers", 2L, "pending", 3L, "last-delivered-id", "5-0", "entries-read", 5L, "lag", 4L));

        assertThat(StreamGroups.stats(7, groups, "zw-writers", 2)).isEqualTo(new QueueStats(7, 3, OptionalLong.of(4), 2));
    }

    @Test
    void lagIsUnknownBeforeRedis7OrWhenRedisCannotTell() {
        List<Object> redis6 = List.of(List.of("name", "zw-writers", "consumers", 2L, "pending", 3L, "last-delivered-id", "5-0"));
        List<Object> unknownLag = List.of(Arrays.asList("name", "zw-writers", "pending", 3L, "lag", null));

        assertThat(StreamGroups.stats(7, redis6, "zw-writers", 0).lag()).isEmpty();
        assertThat(StreamGroups.stats(7, unknownLag, "zw-writers", 0).lag()).isEmpty();
    }
}
