package io.kubezen.watcher.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process as Linux reports it in {@code /proc/<pid>/status}: what a container's memory
 * limit is held against, heap, metaspace, thread stacks, code cache and direct buffers together.
 *
 * @param residentKb {@code VmRSS}, now
 * @param peakKb     {@code VmHWM}, the highest since the process started
 */
public record ProcessMemory(long residentKb, long peakKb) {

    public static ProcessMemory of(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    }

    static ProcessMemory parse(String status) {
        return new ProcessMemory(field(status, "VmRSS:"), field(status, "VmHWM:"));
    }

    public double residentMegabytes() {
        return residentKb / 1024.0;
    }

    public double peakMegabytes() {
        return peakKb / 1024.0;
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
            }
        }
        throw new IllegalArgumentException("no " + name + " in /proc status; is this Linux?");
    }
}
