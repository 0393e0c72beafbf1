package io.kubezen.watcher.filter;

import java.util.Locale;

/** Why an event was dropped (or, for {@link #EXPRESSION}, kept despite a failing expression): a metric tag. */
public enum FilterReason {
    SEVERITY, NAMESPACE, KIND, EVENT_TYPE, CATEGORY, RULE, EXPRESSION;

    /** The tag value, such as {@code event_type}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
