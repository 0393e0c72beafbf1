package io.kubezen.watcher.controller.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonObject;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.model.Condition;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The status an Ingester should have after a sync, and whether it already has it. Only what the controller
 * decides here is compared (Ready's status, reason and message, the generations, the config version), so a
 * status is written when something changed and never on a mere resync. {@code lastEventAt} is not decided here:
 * it is left out, so the merge patch keeps what {@link LastEvents} wrote.
 */
final class ReadyStatus {

    static final String REASON_PROJECTED = "Projected";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private ReadyStatus() {
    }

    /**
     * @param generation       the generation just synced, valid or not
     * @param servedGeneration the generation in force; null when none is
     * @param configVersion    the projection version that carries the served generation; null when not projected
     */
    static IngesterStatus desired(IngesterStatus current, long generation, ProjectionResult result,
                                  Long servedGeneration, Long configVersion, Instant now) {
        String status = result.isValid() ? "True" : "False";
        Condition before = ready(current);
        Instant since = before != null && status.equals(before.status()) && before.lastTransitionTime() != null
                ? before.lastTransitionTime() : now;
        Condition condition = result.isValid()
                ? new Condition(IngesterStatus.CONDITION_READY, status, generation, since, REASON_PROJECTED,
                configVersion == null ? "Run by the controller's informer duty"
                        : "Projected into configuration version " + configVersion)
                : new Condition(IngesterStatus.CONDITION_READY, status, generation, since, result.reason(),
                result.message());
        return new IngesterStatus(generation, List.of(condition), servedGeneration, configVersion, null);
    }

    /**
     * The generation the stored status says is in force. A status written before {@code servedGeneration}
     * existed names it only through a Ready condition that was True.
     */
    static Long servedGeneration(IngesterStatus current) {
        if (current == null) {
            return null;
        }
        if (current.servedGeneration() != null) {
            return current.servedGeneration();
        }
        Condition ready = ready(current);
        return ready != null && "True".equals(ready.status()) ? current.observedGeneration() : null;
    }

    static boolean same(IngesterStatus current, IngesterStatus desired) {
        Condition a = ready(current);
        Condition b = ready(desired);
        return current != null && a != null && b != null
                && Objects.equals(current.observedGeneration(), desired.observedGeneration())
                && Objects.equals(current.servedGeneration(), desired.servedGeneration())
                && Objects.equals(current.configVersion(), desired.configVersion())
                && Objects.equals(a.status(), b.status())
                && Objects.equals(a.reason(), b.reason())
                && Objects.equals(a.message(), b.message())
                && Objects.equals(a.observedGeneration(), b.observedGeneration());
    }

    /** The stored status, or null when there is none or it cannot be read (then it is simply rewritten). */
    static IngesterStatus parse(JsonObject status) {
        if (status == null) {
            return null;
        }
        try {
            return JSON.readValue(status.toString(), IngesterStatus.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Condition ready(IngesterStatus status) {
        if (status == null || status.conditions() == null) {
            return null;
        }
        return status.conditions().stream()
                .filter(c -> IngesterStatus.CONDITION_READY.equals(c.type())).findFirst().orElse(null);
    }
}
