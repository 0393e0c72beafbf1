package io.kubezen.watcher.bench.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved back for a while: the test API server stamps Observations created through it with a
 * creation time in the past, so that they are expired for the controller's GC at once, whose shortest TTL is a minute.
 */
final class ShiftableClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    void shiftBack(Duration by) {
        shift = by;
    }

    void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the harness works in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().minus(shift);
    }
}
