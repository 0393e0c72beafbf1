package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.TrafficBuckets;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.store.SourceNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Traffic counts of the embedded mode; buckets older than the retention are dropped as new ones start. */
public final class InMemoryTrafficCounter implements TrafficCounter {

    private final Clock clock;
    private final Duration retention;
    private final Map<String, ConcurrentSkipListMap<Long, LongAdder>> bySource = new ConcurrentHashMap<>();

    public InMemoryTrafficCounter(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void add(String source, long events) {
        Instant now = clock.instant();
        ConcurrentSkipListMap<Long, LongAdder> buckets =
                bySource.computeIfAbsent(SourceNames.check(source), s -> new ConcurrentSkipListMap<>());
        buckets.computeIfAbsent(TrafficBuckets.bucketOf(now), b -> new LongAdder()).add(events);
        buckets.headMap(TrafficBuckets.bucketOf(now.minus(retention))).clear();
    }

    @Override
    public long sum(String source, Duration period) {
        long[] covered = TrafficBuckets.covering(clock.instant(), period, retention);
        Map<Long, LongAdder> buckets = bySource.getOrDefault(SourceNames.check(source), new ConcurrentSkipListMap<>());
        long total = 0;
        for (long bucket : covered) {
            LongAdder count = buckets.get(bucket);
            total += count == null ? 0 : count.sum();
        }
        return total;
    }

    @Override
    public Optional<Instant> lastCounted(String source, Duration period) {
        long[] covered = TrafficBuckets.covering(clock.instant(), period, retention);
        Map<Long, LongAdder> buckets = bySource.getOrDefault(SourceNames.check(source), new ConcurrentSkipListMap<>());
        for (int i = covered.length - 1; i >= 0; i--) {
            LongAdder count = buckets.get(covered[i]);
            if (count != null && count.sum() > 0) {
                return Optional.of(Instant.ofEpochSecond(covered[i]));
            }
        }
        return Optional.empty();
    }

    @Override
    public Set<String> sources() {
        long oldest = TrafficBuckets.bucketOf(clock.instant().minus(retention));
        return bySource.entrySet().stream()
                .filter(source -> !source.getValue().tailMap(oldest, true).isEmpty())
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
