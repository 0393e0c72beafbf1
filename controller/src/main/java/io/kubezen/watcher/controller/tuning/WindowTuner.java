package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.dedup.DedupWindows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides and publishes each source's dedup window, one source at a time, from the rate the caller measured.
 * It remembers what it published during one leadership term only: a new leader starts with a fresh tuner, so
 * its first decision per source publishes without hysteresis or cooldown (an unchanged rate republishes the
 * same window). Not thread-safe; one tuning loop owns it.
 */
public final class WindowTuner {

    private final TierPolicy policy;
    private final Duration cooldown;
    private final DedupWindows windows;
    private final Clock clock;
    private final Map<String, Tuned> tuned = new HashMap<>();
    private final Set<String> withdrawn = new HashSet<>();

    public WindowTuner(TierPolicy policy, Duration cooldown, DedupWindows windows, Clock clock) {
        this.policy = policy;
        this.cooldown = cooldown;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Publishes the window {@code eventsPerSecond} calls for when it differs from the current one and the
     * source's last change is at least the cooldown ago; withdraws the window of a pinned source once. State
     * changes only after Redis took the change, so a failed publish is tried again next step.
     *
     * @throws io.kubezen.watcher.store.StoreUnavailableException when the window could not be published
     */
    public Optional<WindowChange> tune(String source, double eventsPerSecond, boolean pinned) {
        if (pinned) {
            return withdraw(source);
        }
        withdrawn.remove(source);
        Instant now = clock.instant();
        Tuned current = tuned.get(source);
        int tier = current == null ? policy.tierOf(eventsPerSecond) : policy.next(current.tier(), eventsPerSecond);
        Duration window = policy.window(tier);
        if (current != null && window.equals(current.window())) {
            tuned.put(source, new Tuned(tier, window, current.changedAt()));
            return Optional.empty();
        }
        if (current != null && now.isBefore(current.changedAt().plus(cooldown))) {
            return Optional.empty();
        }
        windows.publish(source, window);
        tuned.put(source, new Tuned(tier, window, now));
        return Optional.of(new WindowChange.Published(source, window, current == null ? null : current.window(),
                eventsPerSecond));
    }

    /** The sources this tuner published a window for, which it keeps tuning even once their traffic stops. */
    public Set<String> tunedSources() {
        return Set.copyOf(tuned.keySet());
    }

    private Optional<WindowChange> withdraw(String source) {
        tuned.remove(source);
        if (withdrawn.contains(source)) {
            return Optional.empty();
        }
        windows.withdraw(source);
        withdrawn.add(source);
        return Optional.of(new WindowChange.Withdrawn(source));
    }

    private record Tuned(int tier, Duration window, Instant changedAt) {
    }
}
