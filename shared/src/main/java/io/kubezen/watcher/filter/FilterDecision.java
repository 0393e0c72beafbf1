package io.kubezen.watcher.filter;

/**
 * The filter's verdict on one event.
 *
 * @param reason the rule that dropped the event; for a kept event null, or {@link FilterReason#EXPRESSION}
 *               when the expression failed to evaluate and the event was kept anyway
 * @param error  the evaluation error in that last case, else null
 */
public record FilterDecision(boolean kept, FilterReason reason, String error) {

    public static final FilterDecision KEEP = new FilterDecision(true, null, null);

    public static FilterDecision drop(FilterReason reason) {
        return new FilterDecision(false, reason, null);
    }

    /**
     * An expression that cannot be evaluated for an event (a missing key, a type mismatch) keeps it: a
     * filter mistake must not silently lose events. The pipeline counts these so they can be alerted on.
     */
    public static FilterDecision keptOnError(String error) {
        return new FilterDecision(true, FilterReason.EXPRESSION, error);
    }
}
