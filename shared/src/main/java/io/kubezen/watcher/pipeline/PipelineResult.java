package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.filter.FilterReason;

import java.util.List;
import java.util.Map;

/**
 * What one request produced.
 *
 * @param received         events found in the payload
 * @param accepted         events that passed the filter, in payload order
 * @param filtered         dropped events by reason; reasons with no drop are absent
 * @param expressionErrors events kept because the filter expression failed on them
 * @param expressionError  the first such failure's message, for a (rate-limited) log line; else null
 */
public record PipelineResult(int received, List<IngestedEvent> accepted, Map<FilterReason, Integer> filtered,
                             int expressionErrors, String expressionError) {

    public PipelineResult {
        accepted = List.copyOf(accepted);
        filtered = Map.copyOf(filtered);
    }

    /** A loop rather than a stream: the receive path asks once or twice per request. */
    public int filteredTotal() {
        int total = 0;
        for (int count : filtered.values()) {
            total += count;
        }
        return total;
    }
}
