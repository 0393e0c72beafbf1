package io.kubezen.watcher.source.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.source.SourceDefaults;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Types whose data is the payload of another source type, read by that type's own adapter, found through
 * the adapter registry (source types do not know each other). The drafts are the ones that type makes, plus
 * the event's attributes as {@code details.cloudevent}, with that type's category (unless the source sets
 * {@code spec.category}) and fingerprint fields: an alert then reads, and is deduplicated, the same whichever
 * way it came.
 */
final class DelegatingMapping implements CloudEventMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> types;
    private final EventParser parser;
    private final String category;
    private final List<String> fingerprintFields;

    private DelegatingMapping(Set<String> types, EventParser parser, String category, List<String> fingerprintFields) {
        this.types = Set.copyOf(types);
        this.parser = parser;
        this.category = category;
        this.fingerprintFields = fingerprintFields;
    }

    /** @param carried the source type whose payload the data of these types is */
    static DelegatingMapping compile(Set<String> types, SourceType carried, SourceDefinition definition,
                                     ConfigErrors errors) {
        SourceAdapter adapter = Adapters.REGISTRY.find(carried).orElseThrow(() -> new IllegalStateException(
                "no source adapter of type " + carried.wireName() + " on the class path"));
        // The carried payload is read within this source's limits, with the other type's defaults only.
        SourceDefinition definitionOfCarried = new SourceDefinition(definition.name(), carried, null, null, null,
                null, null, null, definition.maxNestingDepth(), null, null);
        SourceDefaults defaults = adapter.defaults(definitionOfCarried);
        return new DelegatingMapping(types, adapter.compile(definitionOfCarried, errors),
                definition.category() == null ? defaults.category().wireName() : null, defaults.fingerprintFields());
    }

    @Override
    public Set<String> types() {
        return types;
    }

    @Override
    public List<ObservationDraft> drafts(CloudEvent event) throws PayloadException {
        JsonFields.requireObject(event.data(), event.dataPath());
        List<ObservationDraft> read;
        try {
            read = parser.parse(Payload.json(JSON.writeValueAsBytes(event.data())));
        } catch (InvalidPayloadException e) {
            throw e.within(event.dataPath());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
        List<ObservationDraft> drafts = new ArrayList<>(read.size());
        for (ObservationDraft draft : read) {
            drafts.add(draft.toBuilder()
                    .category(draft.category() != null ? draft.category() : category)
                    .detail(CloudEvent.ATTRIBUTES, event.attributes())
                    .fingerprintFields(draft.fingerprintFields() != null ? draft.fingerprintFields() : fingerprintFields)
                    .build());
        }
        return drafts;
    }

    /** Loaded on first use, when the registry that loaded this type's adapter is complete. */
    private static final class Adapters {
        static final SourceAdapterRegistry REGISTRY = SourceAdapterRegistry.load();
    }
}
