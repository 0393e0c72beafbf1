package io.kubezen.watcher.metrics;

/**
 * Every metric name and tag key of both apps, in Micrometer's dot notation; Prometheus shows them as
 * {@code zen_watcher_..._total} for counters and {@code _seconds} for timers. Tag values come from small,
 * known sets only: configured source names (an unknown source is tagged {@link #UNKNOWN_SOURCE}),
 * enums and the reason words documented beside each name. Never a fingerprint, pod or message.
 * <p>
 * Counters whose tag values are all known up front (errors, write failures, dead letters, GC runs, deletions)
 * exist at zero from the moment the part that counts them is created, so that {@code increase()} in an alert
 * sees the first failure; gauges exist once their role runs, the per-source ones for every source the process
 * serves. The chart's dashboards and alert rules are checked against what the running apps export
 * ({@code ExportedMetricsIT} in the system-tests module); docs/operations.md maps these names to the original
 * zen-watcher's.
 */
public final class MetricNames {

    /**
     * Events that passed the filter and were new in their dedup window, so each becomes an Observation: the
     * original zen-watcher's {@code zen_watcher_events_total}. Counted where events are admitted (receivers,
     * informer sources). Tags: source, category, severity, event_type (bounded, see {@link EventTypeLabels}).
     */
    public static final String EVENTS = "zen.watcher.events";
    /**
     * Events that passed the filter and repeated an event within its dedup window: counted in the existing
     * Observation's status, not created again. Tags as {@link #EVENTS}.
     */
    public static final String EVENTS_REPEATED = "zen.watcher.events.repeated";
    /**
     * Per source, when this process last received an event of it (even one the filter then dropped), in seconds
     * since the epoch; until the first, when this process began serving the source, so that a restart does not
     * look like a silence. Exists for every source the process serves. Tags: source.
     */
    public static final String LAST_EVENT = "zen.watcher.ingesters.last.event.timestamp.seconds";
    /** Per source that sets {@code expectations.silentAfterSeconds}: that threshold. Tags: source. */
    public static final String SILENT_AFTER = "zen.watcher.ingesters.silent.after.seconds";
    /** Events parsed from accepted requests. Tags: source. */
    public static final String EVENTS_RECEIVED = "zen.watcher.events.received";
    /** Events not queued. Tags: source, reason ({@code duplicate}, {@code filtered}). */
    public static final String EVENTS_DISCARDED = "zen.watcher.events.discarded";
    /** Events dropped by a filter rule. Tags: source, filter (the filter reason word). */
    public static final String EVENTS_FILTERED = "zen.watcher.events.filtered";
    /** Events durably appended to the queue. Tags: source. */
    public static final String EVENTS_QUEUED = "zen.watcher.events.queued";
    /**
     * Events a receiver sent to Redis without their Observation, expecting a repeat, that Redis sent back because
     * their record was gone or its window had ended (Redis mode only).
     */
    public static final String ADMISSION_RESENT = "zen.watcher.admission.resent";
    /** Requests answered with an error. Tags: source, reason (the HTTP status code). */
    public static final String REQUESTS_REJECTED = "zen.watcher.requests.rejected";
    /** Gauge: bytes of request bodies being parsed or waiting for the store (receiver.max-in-flight-bytes). */
    public static final String REQUESTS_IN_FLIGHT_BYTES = "zen.watcher.requests.in.flight.bytes";
    /** Ingest request latency. Tags: source, outcome (the HTTP status code). */
    public static final String REQUEST_DURATION = "zen.watcher.request.duration";
    /**
     * Infrastructure errors. Tags: stage and error_type, one of the pairs {@code store}/{@code unavailable}
     * (receiver), {@code gc}/{@code store_unavailable}, {@code informer}/{@code invalid_object},
     * {@code logs}/{@code stream_failed} (a log stream broke or could not be opened; it is opened again from where
     * it stopped).
     */
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

    /**
     * Observations the writers created (not those found to exist already), {@code zen_watcher_observations_total}:
     * the original zen-watcher's {@code zen_watcher_observations_created_total}, whose name the Prometheus client
     * cannot export, because OpenMetrics reserves the {@code _created} suffix for a counter's creation time.
     * Tags: source, category, severity.
     */
    public static final String OBSERVATIONS_CREATED = "zen.watcher.observations";
    /** Queue entries that exist as Observations now. Tags: result ({@code created}, {@code already_exists}). */
    public static final String OBSERVATIONS_WRITTEN = "zen.watcher.observations.written";
    /**
     * Status updates of Observations. Tags: result ({@code updated}, {@code unchanged}: already up to date,
     * {@code gone}: no such Observation, not yet created or deleted since); their failures count as write failures.
     */
    public static final String STATUS_UPDATES = "zen.watcher.observations.status.updates";
    /** Status updates a writer holds until they are due (per writer; at most {@code zen-watcher.queue.max-held}). */
    public static final String STATUS_UPDATES_HELD = "zen.watcher.observations.status.held";
    /**
     * Status updates a writer read before they were due while it held {@code zen-watcher.queue.max-held}: left
     * pending in the queue, they are written when the claim takes them, up to {@code claim-idle} after they were read.
     */
    public static final String STATUS_UPDATES_DEFERRED = "zen.watcher.observations.status.deferred";
    /**
     * Observation writes that failed. Tags: reason (a writer failure reason word, or {@code undecodable}) and
     * outcome ({@code retryable} or {@code permanent}; each reason has exactly one).
     */
    public static final String WRITE_FAILURES = "zen.watcher.observations.write.failures";
    /** Observation writes retried in-process. Tags: reason (the retryable failure reason of the last attempt). */
    public static final String WRITE_RETRIES = "zen.watcher.observations.write.retries";
    /** Time to write one batch of queue entries. */
    public static final String WRITE_DURATION = "zen.watcher.observations.write.duration";
    /**
     * Entries moved to the dead-letter stream. Tags: reason (a permanent writer failure reason word,
     * {@code undecodable}, or {@code max_deliveries}).
     */
    public static final String DEAD_LETTERS = "zen.watcher.dead.letters";
    /** Entries in the queue (stream length). */
    public static final String QUEUE_LENGTH = "zen.watcher.queue.length";
    /** Entries delivered to a writer and not yet acknowledged. */
    public static final String QUEUE_PENDING = "zen.watcher.queue.pending";
    /** Entries no writer has been given yet: the figure KEDA scales writers on. */
    public static final String QUEUE_LAG = "zen.watcher.queue.lag";

    /** Container log streams a logs source holds open now. Tags: source. */
    public static final String LOG_STREAMS_OPEN = "zen.watcher.logs.streams.open";
    /**
     * Containers of a logs source waiting for a stream because {@code zen-watcher.logs.max-streams} are open; their
     * lines wait in the container's log, and are read from where the last stream stopped. Tags: source.
     */
    public static final String LOG_STREAMS_WAITING = "zen.watcher.logs.streams.waiting";
    /** Container log lines a logs source read. Tags: source. */
    public static final String LOG_LINES_READ = "zen.watcher.logs.lines.read";
    /** Lines a pattern of the source matched, each an event. Tags: source. */
    public static final String LOG_LINES_MATCHED = "zen.watcher.logs.lines.matched";
    /**
     * Lines read later than they came because their stream was over {@code zen-watcher.logs.max-lines-per-second}:
     * delayed, not dropped. Tags: source.
     */
    public static final String LOG_LINES_THROTTLED = "zen.watcher.logs.lines.throttled";

    public static final String TAG_SOURCE = "source";
    public static final String TAG_RESULT = "result";
    public static final String TAG_REASON = "reason";
    public static final String TAG_FILTER = "filter";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_STAGE = "stage";
    public static final String TAG_ERROR_TYPE = "error_type";
    public static final String TAG_TRANSITION = "transition";
    public static final String TAG_CATEGORY = "category";
    public static final String TAG_SEVERITY = "severity";
    public static final String TAG_EVENT_TYPE = "event_type";
    /** On every series of both apps, the install's name: two installs' series never mix, even in one namespace. */
    public static final String TAG_INSTALL = "install";

    public static final String UNKNOWN_SOURCE = "unknown";

    private MetricNames() {
    }
}
