package io.kubezen.watcher.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How idle the machine's CPUs are, from the {@code cpu} line of {@code /proc/stat}: on a machine shared with other
 * work, a run that starts during someone else's burst measures the burst. The same test as
 * {@code bench/cold-start.sh}'s {@code COLD_START_IDLE}.
 */
public final class MachineIdle {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Duration WINDOW = Duration.ofSeconds(1);
    /** Fields after "cpu": user nice system idle iowait irq softirq steal; idle and iowait count as idle. */
    private static final int FIELDS = 8;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private MachineIdle() {
    }

    /**
     * Waits until the CPUs were at least {@code percent} idle over one second, or {@code patience} has passed;
     * answers the idle percentage of the last second it measured.
     */
    public static int await(int percent, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int idle;
        do {
            String before = Files.readString(STAT);
            Thread.sleep(WINDOW.toMillis());
            idle = percent(before, Files.readString(STAT));
        } while (idle < percent && System.nanoTime() < deadline);
        return idle;
    }

    /** The idle share, in percent, of the CPU time between two readings of {@code /proc/stat}. */
    static int percent(String before, String after) {
        long[] from = cpuLine(before);
        long[] to = cpuLine(after);
        long total = 0;
        for (int i = 0; i < FIELDS; i++) {
            total += to[i] - from[i];
        }
        long idle = to[IDLE] - from[IDLE] + to[IOWAIT] - from[IOWAIT];
        return total <= 0 ? 100 : (int) (100 * idle / total);
    }

    private static long[] cpuLine(String stat) {
        String line = stat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no 'cpu' line in /proc/stat"));
        String[] fields = line.substring(4).trim().split("\\s+");
        long[] values = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            values[i] = Long.parseLong(fields[i]);
        }
        return values;
    }
}
