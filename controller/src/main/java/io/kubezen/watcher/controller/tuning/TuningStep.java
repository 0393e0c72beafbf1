package io.kubezen.watcher.controller.tuning;

import io.kubezen.watcher.dedup.TrafficCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One tuning pass over every source: the configured ones, those with a window of their own
 * ({@link FixedWindows}, whose tuned window is withdrawn), those with counted traffic, and those tuned earlier
 * in the term (so a source whose traffic stopped drifts back to the quiet tier's window).
 */
final class TuningStep {

    private static final Logger LOG = LoggerFactory.getLogger(TuningStep.class);

    private final TrafficCounter traffic;
    private final WindowTuner tuner;
    private final TuningOptions options;
    private final Clock clock;
    private final WindowGauges gauges;
    private final FixedWindows fixedWindows;

    TuningStep(TrafficCounter traffic, WindowTuner tuner, TuningOptions options, Clock clock, WindowGauges gauges,
               FixedWindows fixedWindows) {
        this.traffic = traffic;
        this.tuner = tuner;
        this.options = options;
        this.clock = clock;
        this.gauges = gauges;
        this.fixedWindows = fixedWindows;
    }

    /** @throws io.kubezen.watcher.store.StoreUnavailableException when Redis fails; the next pass starts over */
    void run() {
        Set<String> fixed = fixedWindows.sources();
        Set<String> sources = new TreeSet<>(options.sources());
        sources.addAll(fixed);
        sources.addAll(traffic.sources());
        sources.addAll(tuner.tunedSources());
        for (String source : sources) {
            boolean pinned = fixed.contains(source);
            double rate = pinned ? 0 : measure(source);
            tuner.tune(source, rate, pinned).ifPresent(this::report);
        }
    }

    private double measure(String source) {
        Instant now = clock.instant();
        return TrafficRate.perSecond(traffic.sum(source, options.rateWindow()), now, options.rateWindow());
    }

    private void report(WindowChange change) {
        if (change instanceof WindowChange.Published published) {
            String rate = String.format("%.1f", published.eventsPerSecond());
            if (published.previous() == null) {
                LOG.info("Dedup window of source {} set to {}s at {} events/s", published.source(),
                        published.window().getSeconds(), rate);
            } else {
                LOG.info("Dedup window of source {} changed from {}s to {}s at {} events/s", published.source(),
                        published.previous().getSeconds(), published.window().getSeconds(), rate);
            }
            gauges.set(published.source(), published.window().getSeconds());
        } else {
            LOG.info("Source {} keeps a dedup window of its own: its tuned window is withdrawn", change.source());
            gauges.remove(change.source());
        }
    }
}
