package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.filter.FilterDecision;
import io.kubezen.watcher.filter.FilterReason;
import io.kubezen.watcher.filter.ObservationFilter;
import io.kubezen.watcher.model.Observation;
import io.kubezen.watcher.model.ObservationSpec;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One source's pure stages, compiled once by {@link SourceCompiler}: parse, normalize, filter, fingerprint.
 * Immutable and shared by all request threads. Dedup and queueing come after, in the app, via the stores.
 */
public final class IngestPipeline {

    private final SourceDefinition definition;
    private final EventParser parser;
    private final Normalizer normalizer;
    private final ObservationFilter filter;
    private final Fingerprints fingerprints;
    private final DedupPolicy dedup;

    IngestPipeline(SourceDefinition definition, EventParser parser, Normalizer normalizer, ObservationFilter filter,
                   Fingerprints fingerprints, DedupPolicy dedup) {
        this.definition = definition;
        this.parser = parser;
        this.normalizer = normalizer;
        this.filter = filter;
        this.fingerprints = fingerprints;
        this.dedup = dedup;
    }

    public SourceDefinition definition() {
        return definition;
    }

    public DedupPolicy dedup() {
        return dedup;
    }

    /**
     * @throws PayloadException when the body cannot be read as this source's payload; then no event of it
     *                          is accepted, so the sender can fix and resend the whole request
     */
    public PipelineResult process(Payload payload) throws PayloadException {
        List<ObservationDraft> drafts = parser.parse(payload);
        List<IngestedEvent> accepted = new ArrayList<>(drafts.size());
        Map<FilterReason, Integer> filtered = new EnumMap<>(FilterReason.class);
        int expressionErrors = 0;
        String expressionError = null;
        for (ObservationDraft draft : drafts) {
            Observation observation = normalizer.normalize(draft);
            FilterDecision decision = filter.decide(observation);
            if (!decision.kept()) {
                filtered.merge(decision.reason(), 1, Integer::sum);
                continue;
            }
            if (decision.error() != null) {
                expressionErrors++;
                expressionError = expressionError == null ? decision.error() : expressionError;
            }
            accepted.add(finish(observation, draft.fingerprintFields()));
        }
        return new PipelineResult(drafts.size(), accepted, filtered, expressionErrors, expressionError);
    }

    private IngestedEvent finish(Observation observation, List<String> draftFingerprintFields) {
        String fingerprint = fingerprints.fingerprint(observation.spec(), draftFingerprintFields);
        ObservationSpec spec = observation.spec().withFingerprint(fingerprint)
                .withTtlSecondsAfterCreation(definition.ttlSecondsAfterCreation());
        return new IngestedEvent(new Observation(observation.namespace(), observation.labels(), spec), fingerprint,
                dedup);
    }
}
