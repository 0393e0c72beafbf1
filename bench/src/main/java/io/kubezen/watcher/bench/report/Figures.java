package io.kubezen.watcher.bench.report;

import java.util.Locale;

/** Number formatting shared by the table and the verdicts: as many digits as the magnitude deserves, none for whole numbers. */
final class Figures {

    private Figures() {
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
