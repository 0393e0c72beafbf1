package io.kubezen.watcher.controller.informer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link FindingStore} does; subclassed once per implementation. */
public abstract class FindingStoreContract {

    private static final ObjectKey REPORT = new ObjectKey("shop", "cart-report");

    protected abstract FindingStore store();

    @Test
    void remembersWhatWasPutPerSourceAndObject() {
        ObjectFindings findings = ObjectFindings.of(List.of("b2", "a1"));
        store().put("kyverno", REPORT, findings);

        assertThat(store().get("kyverno", REPORT)).contains(findings);
        assertThat(store().get("kyverno", REPORT).orElseThrow().fingerprints()).containsExactly("a1", "b2");
        assertThat(store().get("trivy", REPORT)).isEmpty();
        assertThat(store().get("kyverno", new ObjectKey("shop", "other"))).isEmpty();
        assertThat(store().get("kyverno", new ObjectKey(null, "cart-report"))).isEmpty();
    }

    @Test
    void putReplacesAndForgetRemoves() {
        store().put("kyverno", REPORT, ObjectFindings.of(List.of("a1")));
        store().put("kyverno", REPORT, ObjectFindings.of(List.of("a1", "c3")));
        assertThat(store().get("kyverno", REPORT).orElseThrow().fingerprints()).containsExactly("a1", "c3");

        store().forget("kyverno", REPORT);
        store().forget("kyverno", REPORT);

        assertThat(store().get("kyverno", REPORT)).isEmpty();
    }

    @Test
    void keepsClusterScopedObjectsApartFromNamespacedOnes() {
        ObjectKey cluster = new ObjectKey(null, "cluster-report");
        store().put("kyverno", cluster, ObjectFindings.of(List.of("x")));

        assertThat(store().get("kyverno", cluster).orElseThrow().digest())
                .isEqualTo(ObjectFindings.of(List.of("x")).digest());
    }
}
