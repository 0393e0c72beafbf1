package io.kubezen.watcher.bench.scenario;

/** A scenario could not run here (a tool is missing); the run goes on and the reason is reported. */
public final class ScenarioSkipped extends Exception {

    public ScenarioSkipped(String reason) {
        super(reason);
    }
}
