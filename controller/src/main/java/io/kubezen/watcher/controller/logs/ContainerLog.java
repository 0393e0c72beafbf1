package io.kubezen.watcher.controller.logs;

import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.Admitted;
import io.kubezen.watcher.pipeline.PipelineResult;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.logs.LogLine;
import io.kubezen.watcher.source.logs.LogsAdapter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The handling of one container's lines for one source, the step a stream runs per line: skip what the last
 * stream (of this leader or the one before) handled already, run the line through the source's pipeline, hand a
 * match through dedup to the queue, and then record the position. A match's position is written right after the
 * queue took it; unmatched lines are recorded every {@code checkpointLines} and when the stream ends, since
 * reading them again costs a little time and emits nothing. At least once: a crash between the queue and the
 * position hands the match over again, and dedup catches it. Not thread-safe: one stream thread owns it.
 */
public final class ContainerLog {

    private final LogSource source;
    private final ContainerKey container;
    private final LogPositionStore positions;
    private final Admission admission;
    private final SourceMeters meters;
    private final ObservedEvents observed;
    private final int checkpointLines;
    /** Where the current stream resumes; null when the container had no position. */
    private LogPosition resumed;
    private LogPosition handled;
    private Instant readTime;
    private long readAtTime;
    private long unsaved;

    public ContainerLog(LogSource source, ContainerKey container, LogPositionStore positions, Admission admission,
                        SourceMeters meters, ObservedEvents observed, int checkpointLines) {
        this.source = source;
        this.container = container;
        this.positions = positions;
        this.admission = admission;
        this.meters = meters;
        this.observed = observed;
        this.checkpointLines = checkpointLines;
    }

    /**
     * Starts a stream: reads the recorded position and answers the {@code sinceTime} to stream from, which is
     * whole seconds as the API takes it: the second of the last line handled, or {@code otherwise} when the
     * container has no position yet.
     */
    public Instant begin(Instant otherwise) {
        Optional<LogPosition> recorded = positions.get(source.name(), container);
        resumed = recorded.orElse(null);
        handled = resumed;
        readTime = null;
        readAtTime = 0;
        unsaved = 0;
        return (resumed == null ? otherwise : resumed.time()).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @throws io.kubezen.watcher.store.StoreUnavailableException when Redis cannot be reached; the stream then ends
     *                                                            and the next one resumes from the recorded position
     */
    public void accept(LogLine line) {
        long seenAtTime = line.time().equals(readTime) ? readAtTime : 0;
        readTime = line.time();
        readAtTime = seenAtTime + 1;
        if (resumed != null && resumed.covers(line.time(), seenAtTime)) {
            return;
        }
        PipelineResult result = process(line);
        Admitted admitted = result.accepted().isEmpty() ? new Admitted(List.of(), 0)
                : admission.admit(source.name(), result.accepted());
        advance(line.time());
        meters.lineRead(result, admitted);
        observed.record(source.name(), result.received(), result.accepted(), admitted);
        if (result.received() > 0 || ++unsaved >= checkpointLines) {
            save();
        }
    }

    /** Records the position of the last line read, when some were not recorded yet; called when a stream ends. */
    public void end() {
        if (unsaved > 0) {
            save();
        }
    }

    private PipelineResult process(LogLine line) {
        try {
            return source.pipeline().process(LogsAdapter.payload(line));
        } catch (PayloadException e) {
            throw new IllegalStateException("a log line is always a valid payload", e);
        }
    }

    /** A line that is older than the last one (a clock step on the node) does not move the position back. */
    private void advance(Instant time) {
        if (handled == null || time.isAfter(handled.time())) {
            handled = new LogPosition(time, 1);
        } else if (time.equals(handled.time())) {
            handled = handled.next(time);
        }
    }

    private void save() {
        positions.put(source.name(), container, handled);
        unsaved = 0;
    }
}
