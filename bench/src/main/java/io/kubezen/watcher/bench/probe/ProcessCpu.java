package io.kubezen.watcher.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used so far, user and system, as Linux counts it in {@code /proc/<pid>/stat}. */
public final class ProcessCpu {

    /** {@code utime} and {@code stime} are in USER_HZ ticks, which Linux fixes at 100 a second for user space. */
    private static final double TICKS_PER_SECOND = 100;
    /** Positions of {@code utime} and {@code stime} among the fields after the process name (which may hold spaces). */
    private static final int UTIME = 11;
    private static final int STIME = 12;

    private ProcessCpu() {
    }

    public static double seconds(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    static double parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) / TICKS_PER_SECOND;
    }
}
