package io.kubezen.watcher.bench.report;

import java.util.Locale;

/** A target from the issue that a figure is held to, and how far a median is from it. */
public record Goal(Direction direction, double target) {

    public enum Direction { AT_LEAST, AT_MOST }

    public static Goal atLeast(double target) {
        return new Goal(Direction.AT_LEAST, target);
    }

    public static Goal atMost(double target) {
        return new Goal(Direction.AT_MOST, target);
    }

    public boolean met(double value) {
        return direction == Direction.AT_LEAST ? value >= target : value <= target;
    }

    /** "met", or by how much the value misses, relative to the target; a zero target is missed by the value itself. */
    public String verdict(double value) {
        if (met(value)) {
            return "met";
        }
        if (target == 0) {
            return "missed by " + Figures.format(value - target);
        }
        return String.format(Locale.ROOT, "missed by %.0f %%", Math.abs(value - target) / target * 100);
    }

    public String describe() {
        return (direction == Direction.AT_LEAST ? ">= " : "<= ") + Figures.format(target);
    }
}
