package io.kubezen.watcher.dedup.memory;

import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.store.SourceNames;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Published windows of the embedded mode, where tuner and receiver share one process. */
public final class InMemoryDedupWindows implements DedupWindows {

    private final Map<String, Duration> published = new ConcurrentHashMap<>();

    @Override
    public Duration windowFor(String source, Duration configured) {
        return published.getOrDefault(source, configured);
    }

    @Override
    public void publish(String source, Duration window) {
        published.put(SourceNames.check(source), DedupWindows.checkPublishable(window));
    }

    @Override
    public void withdraw(String source) {
        published.remove(SourceNames.check(source));
    }
}
