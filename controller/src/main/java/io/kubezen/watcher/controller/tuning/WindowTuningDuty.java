package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.controller.leader.FailureLog;
import io.kubezen.watcher.controller.leader.LeaderDuty;
import io.kubezen.watcher.controller.leader.LeadershipTerm;
import io.kubezen.watcher.dedup.DedupWindows;
import io.kubezen.watcher.dedup.TrafficCounter;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The leader's tuning loop: a {@link TuningStep} every interval, with a fresh {@link WindowTuner} per term.
 * While Redis is away a step fails and the next one retries; ingesters keep the windows last published.
 */
public final class WindowTuningDuty implements LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(WindowTuningDuty.class);

    private final TrafficCounter traffic;
    private final DedupWindows windows;
    private final TuningOptions options;
    private final Clock clock;
    private final WindowGauges gauges;
    private final FixedWindows fixedWindows;
    private final FailureLog failures = new FailureLog(LOG, "Dedup window tuning");

    public WindowTuningDuty(TrafficCounter traffic, DedupWindows windows, TuningOptions options, Clock clock,
                            MeterRegistry registry, FixedWindows fixedWindows) {
        this.traffic = traffic;
        this.windows = windows;
        this.options = options;
        this.clock = clock;
        this.gauges = new WindowGauges(registry);
        this.fixedWindows = fixedWindows;
    }

    @Override
    public String name() {
        return "window-tuning";
    }

    @Override
    public void lead(LeadershipTerm term) throws InterruptedException {
        WindowTuner tuner = new WindowTuner(options.policy(), options.cooldown(), windows, clock);
        TuningStep step = new TuningStep(traffic, tuner, options, clock, gauges, fixedWindows);
        try {
            do {
                try {
                    step.run();
                    failures.succeeded();
                } catch (StoreUnavailableException e) {
                    // A call interrupted because the term ended is not a Redis failure.
                    if (term.isActive()) {
                        failures.failed(e);
                    }
                }
            } while (!term.awaitEnd(options.interval()));
        } finally {
            gauges.clear();
        }
    }
}
