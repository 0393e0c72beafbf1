package io.kubezen.watcher.ingester.writer.throttle;

import java.time.Duration;

/** Waits for a while. Injected beside the {@link java.time.Clock} so tests advance time instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
