package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.model.Condition;

import java.time.Instant;
import java.util.List;

/**
 * The {@code status} of an Ingester, written by the controller.
 *
 * @param observedGeneration the spec generation the controller last processed, valid or not
 * @param conditions         {@value #CONDITION_READY} says whether that generation was compiled and projected;
 *                           when it was not, the message names the offending field
 * @param servedGeneration   the generation in force: the observed one when it is valid, else the last valid one,
 *                           which ingesters keep serving; absent when no generation was ever valid
 * @param configVersion      version of the projected configuration in Redis that carries the served generation
 * @param lastEventAt        start of the newest 10 s traffic bucket in which ingesters counted events for this
 *                           source, so at most about 10 s early; written at most once per interval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngesterStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Long servedGeneration,
        Long configVersion,
        Instant lastEventAt) {

    public static final String CONDITION_READY = "Ready";
    public static final String REASON_INVALID_SPEC = "InvalidSpec";

    public IngesterStatus {
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
