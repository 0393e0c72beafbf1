package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.model.Condition;

import java.time.Instant;
import java.util.List;

/**
 * The {@code status} of an Ingester, written by the controller.
 *
 * @param conditions    {@value #CONDITION_READY} says whether the spec was compiled and projected; when it was
 *                      not, the message names the offending field
 * @param configVersion version of the projected configuration in Redis that carries this spec
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngesterStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Instant lastEventAt,
        Long configVersion) {

    public static final String CONDITION_READY = "Ready";
    public static final String REASON_INVALID_SPEC = "InvalidSpec";

    public IngesterStatus {
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
