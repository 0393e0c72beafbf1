package io.kubezen.watcher.metrics;

/**
 * Every metric name and tag key of both apps, in Micrometer's dot notation; Prometheus shows them as
 * {@code zen_watcher_..._total} for counters and {@code _seconds} for timers. Tag values come from small,
 * known sets only: configured source names (an unknown source is tagged {@link #UNKNOWN_SOURCE}),
 * enums and the reason words documented beside each name. Never a fingerprint, pod or message.
 */
public final class MetricNames {

    /** Events parsed from accepted requests. Tags: source. */
    public static final String EVENTS_RECEIVED = "zen.watcher.events.received";
    /** Events not queued. Tags: source, reason ({@code duplicate}, {@code filtered}). */
    public static final String EVENTS_DISCARDED = "zen.watcher.events.discarded";
    /** Events dropped by a filter rule. Tags: source, filter (the filter reason word). */
    public static final String EVENTS_FILTERED = "zen.watcher.events.filtered";
    /** Events durably appended to the queue. Tags: source. */
    public static final String EVENTS_QUEUED = "zen.watcher.events.queued";
    /** Requests answered with an error. Tags: source, reason (the HTTP status code). */
    public static final String REQUESTS_REJECTED = "zen.watcher.requests.rejected";
    /** Ingest request latency. Tags: source, outcome (the HTTP status code). */
    public static final String REQUEST_DURATION = "zen.watcher.request.duration";
    /** Infrastructure errors. Tags: stage, error_type. */
    public static final String ERRORS = "zen.watcher.errors";
    /** The dedup window in force per source, in seconds. Tags: source. */
    public static final String DEDUP_WINDOW = "zen.watcher.dedup.window.seconds";
    /** 1 while this controller process is the leader, else 0. */
    public static final String LEADER = "zen.watcher.leader";
    /** Leadership changes of this controller process. Tags: transition ({@code acquired}, {@code lost}). */
    public static final String LEADER_TRANSITIONS = "zen.watcher.leader.transitions";
    /** Observations the controller deleted. Tags: reason ({@code ttl} by GC, {@code manual} by the cleanup endpoint). */
    public static final String OBSERVATIONS_DELETED = "zen.watcher.observations.deleted";
    /** GC runs. Tags: outcome ({@code completed}, {@code stopped} when leadership ended, {@code failed}). */
    public static final String GC_RUNS = "zen.watcher.gc.runs";
    /** Time one GC run took. */
    public static final String GC_DURATION = "zen.watcher.gc.duration";

    /** Queue entries that exist as Observations now. Tags: result ({@code created}, {@code already_exists}). */
    public static final String OBSERVATIONS_WRITTEN = "zen.watcher.observations.written";
    /** Observation writes that failed. Tags: reason (a writer failure reason word), outcome ({@code retryable}, {@code permanent}). */
    public static final String WRITE_FAILURES = "zen.watcher.observations.write.failures";
    /** Observation writes retried in-process. Tags: reason (why the last attempt failed). */
    public static final String WRITE_RETRIES = "zen.watcher.observations.write.retries";
    /** Time to write one batch of queue entries. */
    public static final String WRITE_DURATION = "zen.watcher.observations.write.duration";
    /** Entries moved to the dead-letter stream. Tags: reason. */
    public static final String DEAD_LETTERS = "zen.watcher.dead.letters";
    /** Entries in the queue (stream length). */
    public static final String QUEUE_LENGTH = "zen.watcher.queue.length";
    /** Entries delivered to a writer and not yet acknowledged. */
    public static final String QUEUE_PENDING = "zen.watcher.queue.pending";
    /** Entries no writer has been given yet: the figure KEDA scales writers on. */
    public static final String QUEUE_LAG = "zen.watcher.queue.lag";

    public static final String TAG_SOURCE = "source";
    public static final String TAG_RESULT = "result";
    public static final String TAG_REASON = "reason";
    public static final String TAG_FILTER = "filter";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_ERROR_TYPE = "error_type";
    public static final String TAG_TRANSITION = "transition";

    public static final String UNKNOWN_SOURCE = "unknown";

    private MetricNames() {
    }
}
