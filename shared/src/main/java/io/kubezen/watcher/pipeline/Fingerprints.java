package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.fingerprint.Fingerprinter;
import io.kubezen.watcher.model.ObservationSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the fields that fingerprint an event: the source's configured {@code dedup.fingerprintFields}; else
 * the fields its adapter set on the draft, for an event that is identified unlike the rest of its type (a
 * CloudEvent that carries a Falco alert); else the type's default. Adapters set such fields from their own
 * constants, so the map of compiled ones stays as small as the code that fills it.
 */
final class Fingerprints {

    private final String source;
    private final Fingerprinter fingerprinter;
    private final boolean configured;
    private final Map<List<String>, Fingerprinter> eventFields = new ConcurrentHashMap<>();

    /**
     * @param fingerprinter the configured fields' when {@code configured}, else the type default's
     */
    Fingerprints(String source, Fingerprinter fingerprinter, boolean configured) {
        this.source = source;
        this.fingerprinter = fingerprinter;
        this.configured = configured;
    }

    /** @param draftFields the draft's own fields, or null */
    String fingerprint(ObservationSpec spec, List<String> draftFields) {
        Fingerprinter chosen = configured || draftFields == null ? fingerprinter
                : eventFields.computeIfAbsent(draftFields, this::compile);
        return chosen.fingerprint(spec);
    }

    private Fingerprinter compile(List<String> fields) {
        ConfigErrors errors = new ConfigErrors();
        Fingerprinter compiled = Fingerprinter.compile(source, fields, "fingerprintFields", errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a source adapter set invalid fingerprint fields: " + errors.list());
        }
        return compiled;
    }
}
