package io.kubezen.watcher.source.cloudevents;

import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.PayloadException;

import java.util.List;
import java.util.Set;

/**
 * How the events of a producer's types become drafts, for producers whose events say more than the
 * attributes and the data as they come (falcosidekick's Falco alerts, Knative's ApiServerSource objects).
 * Chosen per event by its {@code type}; the mappings are listed in {@link CloudEventMappings}. Implementations
 * are immutable and called concurrently.
 */
interface CloudEventMapping {

    /** The {@code type} attribute values this mapping reads, exactly as producers send them. */
    Set<String> types();

    /**
     * @return the event's drafts: one, unless the data is a payload that holds several events
     * @throws PayloadException when the data is not what the type promises; the request is then refused
     */
    List<ObservationDraft> drafts(CloudEvent event) throws PayloadException;
}
