package io.kubezen.watcher.ingester.writer.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to; as a {@link Sleeper} it moves by the time slept and records it. */
public final class ManualClock extends Clock implements Sleeper {

    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now;
    private Runnable onSleep = () -> { };

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
        Runnable hook = onSleep;
        onSleep = () -> { };
        hook.run();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
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
