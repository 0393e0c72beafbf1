package io.kubezen.watcher.controller.wiring;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the app, so tests can substitute a settable one. */
@Factory
final class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
