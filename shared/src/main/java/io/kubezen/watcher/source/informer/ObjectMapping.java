package io.kubezen.watcher.source.informer;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.source.PayloadException;
import io.kubezen.watcher.source.SourceDefaults;

import java.util.List;

/**
 * A built-in mapping of one kind of Kubernetes object to its findings, chosen by an informer source's
 * {@code spec.informer.builtinMapping}. Each lives in its own package under {@code source.informer} and registers
 * itself in {@code META-INF/services/io.kubezen.watcher.source.informer.ObjectMapping}, so adding one touches
 * only that package and that line. Implementations are stateless, with a public no-argument constructor.
 */
public interface ObjectMapping {

    /** The {@code builtinMapping} value, for example {@code trivy-vulnerability}. */
    String name();

    /**
     * The fingerprint fields must name a finding without anything the object's life adds (uid, resourceVersion,
     * timestamps), so a re-created report yields the same fingerprints and dedup recognises its findings.
     */
    SourceDefaults defaults();

    /**
     * Called for the object's current state on every change the controller sees.
     *
     * @param object the whole object as the API server serves it
     * @return one draft per finding, in the object's order; empty when the object holds none
     */
    List<ObservationDraft> map(JsonNode object) throws PayloadException;
}
