package io.kubezen.watcher.bench.probe;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a recorded JVM spent its CPU: of the execution samples, which method was on top of the stack
 * ("self"), which methods were anywhere on it ("total"), and which of our own methods was closest to the top
 * ("own"), which charges library time (Jackson, Lettuce) to the line of ours that asked for it.
 */
public final class TopFrames {

    private static final String OWN_PACKAGE = "io.kubezen.";

    private final int samples;
    private final Map<String, Integer> self;
    private final Map<String, Integer> total;
    private final Map<String, Integer> own;

    TopFrames(int samples, Map<String, Integer> self, Map<String, Integer> total, Map<String, Integer> own) {
        this.samples = samples;
        this.self = Map.copyOf(self);
        this.total = Map.copyOf(total);
        this.own = Map.copyOf(own);
    }

    /** Summarises a recording made by hand: {@code java -cp zen-watcher-bench.jar ...TopFrames FILE.jfr [TOP]}. */
    public static void main(String[] args) throws IOException {
        System.out.print(read(Path.of(args[0])).report(args.length > 1 ? Integer.parseInt(args[1]) : 25));
    }

    public static TopFrames read(Path recording) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                List<String> stack = frames.stream().map(TopFrames::method).toList();
                if (!stack.isEmpty()) {
                    self.merge(stack.get(0), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>(stack);
                seen.forEach(method -> total.merge(method, 1, Integer::sum));
                frames.stream().filter(frame -> method(frame).startsWith(OWN_PACKAGE)).findFirst()
                        .ifPresent(frame -> own.merge(method(frame) + ":" + frame.getLineNumber(), 1, Integer::sum));
            }
        }
        return new TopFrames(samples, self, total, own);
    }

    public String report(int top) {
        StringBuilder report = new StringBuilder(samples + " execution samples\n\nself (top of stack)\n");
        append(report, self, top);
        report.append("\ntotal (anywhere on the stack)\n");
        append(report, total, top);
        report.append("\nown (our frame closest to the top, with its line)\n");
        append(report, own, top);
        return report.toString();
    }

    private void append(StringBuilder report, Map<String, Integer> counts, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(entry -> report.append(String.format(Locale.ROOT, "%6.1f %%  %s%n",
                        entry.getValue() * 100.0 / Math.max(1, samples), entry.getKey())));
    }

    private static String method(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }
}
