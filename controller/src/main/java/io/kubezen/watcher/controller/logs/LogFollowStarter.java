package io.kubezen.watcher.controller.logs;

/** Starts following one source's pods; the Kubernetes one is the only one, the seam lets the duty be tested alone. */
@FunctionalInterface
public interface LogFollowStarter {

    LogFollow start(LogSource source);
}
