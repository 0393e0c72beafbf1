package io.kubezen.watcher.bench.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * What a fixed-rate run measured.
 *
 * @param latencies microseconds from each request's intended send time to its whole answer
 */
public record FixedRateResult(double targetRate, long requests, long non2xx, long ioErrors, Duration duration,
                              Histogram latencies) {

    public double achievedRate() {
        return requests / (duration.toNanos() / 1e9);
    }

    public double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    public long errors() {
        return non2xx + ioErrors;
    }
}
