package io.kubezen.watcher.ingester.writer.throttle;

import io.kubezen.watcher.testing.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that sleeps by moving a test's clock on, and records each sleep. */
public final class RecordingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> { };

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
        Runnable hook = onSleep;
        onSleep = () -> { };
        hook.run();
    }

    /** Runs {@code hook} once, right after the next sleep, as if another thread acted while we slept. */
    public void duringNextSleep(Runnable hook) {
        onSleep = hook;
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
