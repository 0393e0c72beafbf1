package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubezen.watcher.model.Category;

import java.util.Objects;

/**
 * The {@code spec} of an {@code ingesters.zen.kube-zen.io/v1alpha1} resource: one source, field for field as
 * in the CRD, so that the controller can read an Ingester's spec straight into it. Absent optional parts are
 * null and mean "the default", which the {@code DEFAULT_*} constants of each part name.
 *
 * @param source   the {@code {source}} in {@code POST /ingest/{source}} and the Observations' {@code spec.source}
 * @param category absent: the source type's default
 * @param webhook  only for webhook-style types
 * @param informer only for {@link SourceType#INFORMER}
 * @param logs     only for {@link SourceType#LOGS}
 * @param expectations for the silent-source alert only; absent: no expectation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngesterSpec(
        String source,
        SourceType type,
        Category category,
        DestinationSpec destination,
        Long ttlSecondsAfterCreation,
        WebhookSpec webhook,
        InformerSpec informer,
        LogsSpec logs,
        MappingSpec mapping,
        FilterSpec filter,
        DedupSpec dedup,
        ExpectationsSpec expectations) {

    public static final String KIND = "Ingester";
    public static final String PLURAL = "ingesters";

    public IngesterSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** This spec with {@code webhook.auth} replaced; the controller projects it with verifiers in it. */
    public IngesterSpec withAuth(AuthSpec auth) {
        WebhookSpec withAuth = new WebhookSpec(auth, webhook == null ? null : webhook.limits());
        return new IngesterSpec(source, type, category, destination, ttlSecondsAfterCreation, withAuth, informer, logs,
                mapping, filter, dedup, expectations);
    }

    /**
     * The source that exists without any Ingester resource for a webhook type, named after the type, so
     * that {@code POST /ingest/falco} works out of the box. It has no authentication: an operator who needs
     * any creates an Ingester of that name, which replaces it.
     */
    public static IngesterSpec builtin(SourceType type) {
        if (type.runsInController()) {
            throw new IllegalArgumentException(type.wireName() + " sources need something to watch; there is no "
                    + "built-in one");
        }
        return new IngesterSpec(type.wireName(), type, null, null, null,
                new WebhookSpec(AuthSpec.NONE, null), null, null, null, null, null, null);
    }
}
