package io.kubezen.watcher.controller.informer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.controller.informer.memory.InMemoryFindingStore;
import io.kubezen.watcher.admission.memory.InMemoryAdmissionStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.queue.QueueEntry;
import io.kubezen.watcher.queue.memory.InMemoryEventQueue;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync step called directly with keys: no informer, no threads. */
class ObjectSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectKey CART = new ObjectKey("shop", "cart");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final Map<ObjectKey, byte[]> cache = new HashMap<>();
    private final InMemoryFindingStore findings = new InMemoryFindingStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue(1000, clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObservedEvents observed = new ObservedEvents(registry, clock, new EventTypeLabels(10));
    private ObjectSync sync;

    @BeforeEach
    void compileSource() throws Exception {
        sync = new ObjectSync(source("{enabled: false}"), key -> Optional.ofNullable(cache.get(key)), findings,
                new Admission(new InMemoryAdmissionStore(new InMemoryDedupStore(clock, 1000,
                        DedupStore.DEFAULT_STATUS_INTERVAL), queue, clock), new InMemoryDedupWindows(), clock),
                registry, observed);
        queue.ensureGroup("test");
    }

    @Test
    void newObjectHandsOverEachFinding() throws Exception {
        cache.put(CART, report("fail", "fail", "pass"));

        assertThat(sync.sync(CART)).isEqualTo(new SyncResult(2, 2, 2));
        assertThat(queuedRules()).containsExactly("rule-0", "rule-1");
    }

    @Test
    void unchangedObjectHandsOverNothing() throws Exception {
        cache.put(CART, report("fail", "fail"));
        sync.sync(CART);

        assertThat(sync.sync(CART)).isEqualTo(new SyncResult(2, 0, 0));
        assertThat(queuedRules()).hasSize(2);
    }

    @Test
    void objectWithOneMoreFindingHandsOverOnlyThatOne() throws Exception {
        cache.put(CART, report("fail", "fail"));
        sync.sync(CART);
        cache.put(CART, report("fail", "fail", "warn"));

        assertThat(sync.sync(CART)).isEqualTo(new SyncResult(3, 1, 1));
        assertThat(queuedRules()).containsExactly("rule-0", "rule-1", "rule-2");
    }

    @Test
    void deletedObjectIsForgottenSoItsReturnCountsAsNew() throws Exception {
        cache.put(CART, report("fail"));
        sync.sync(CART);
        cache.remove(CART);

        assertThat(sync.sync(CART)).isEqualTo(SyncResult.NOTHING);
        assertThat(findings.get("kyverno", CART)).isEmpty();

        cache.put(CART, report("fail"));
        assertThat(sync.sync(CART).handedOver()).isEqualTo(1);
    }

    @Test
    void resolvedFindingThatComesBackIsNewAgain() throws Exception {
        cache.put(CART, report("fail", "fail"));
        sync.sync(CART);
        cache.put(CART, report("pass", "fail"));
        assertThat(sync.sync(CART)).isEqualTo(new SyncResult(1, 0, 0));

        cache.put(CART, report("fail", "fail"));

        assertThat(sync.sync(CART)).isEqualTo(new SyncResult(2, 1, 1));
    }

    @Test
    void objectWithoutFindingsLeavesNoRecord() throws Exception {
        cache.put(CART, report("pass"));

        assertThat(sync.sync(CART)).isEqualTo(SyncResult.NOTHING);
        assertThat(findings.get("kyverno", CART)).isEmpty();
    }

    @Test
    void unmappableObjectIsSkippedWithoutRetry() {
        cache.put(CART, "{\"kind\":\"PolicyReport\",\"results\":{}}".getBytes());

        assertThat(sync.sync(CART)).isEqualTo(SyncResult.NOTHING);
        assertThat(queuedRules()).isEmpty();
    }

    @Test
    void handedOverFindingsCountAsEventsAndMoveTheSourcesLastEventTime() throws Exception {
        observed.track("kyverno", null);
        clock.advance(Duration.ofMinutes(3));
        cache.put(CART, report("fail", "fail"));

        sync.sync(CART);

        assertThat(registry.get(MetricNames.EVENTS).tag(MetricNames.TAG_SOURCE, "kyverno")
                .tag(MetricNames.TAG_CATEGORY, "compliance").tag(MetricNames.TAG_SEVERITY, "medium")
                .tag(MetricNames.TAG_EVENT_TYPE, "policy_violation").counter().count()).isEqualTo(2);
        assertThat(registry.get(MetricNames.LAST_EVENT).gauge().value()).isEqualTo(clock.instant().getEpochSecond());
    }

    private List<String> queuedRules() {
        return queue.read("test", "reader", 100, Duration.ZERO).stream().map(QueueEntry::observation)
                .map(o -> (String) o.observation().spec().details().get("rule")).toList();
    }

    private static InformerSource source(String dedup) throws Exception {
        IngesterSpec spec = YAML.readValue("""
                source: kyverno
                type: informer
                informer: {group: wgpolicyk8s.io, version: v1alpha2, resource: policyreports, builtinMapping: policy-report}
                dedup: %s
                """.formatted(dedup), IngesterSpec.class);
        SourceCompiler compiler = new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT);
        return new InformerSource(spec.source(), spec.informer(), compiler.compile(SourceDefinition.of(spec, null)),
                spec.expectations());
    }

    /** A PolicyReport whose result i has rule {@code rule-i} and the given outcome. */
    static byte[] report(String... outcomes) throws Exception {
        ObjectNode report = JSON.createObjectNode().put("apiVersion", "wgpolicyk8s.io/v1alpha2").put("kind", "PolicyReport");
        report.putObject("metadata").put("name", "cart").put("namespace", "shop");
        report.putObject("scope").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", "cart")
                .put("namespace", "shop");
        ArrayNode results = report.putArray("results");
        for (int i = 0; i < outcomes.length; i++) {
            results.addObject().put("policy", "policy-" + i).put("rule", "rule-" + i).put("result", outcomes[i])
                    .put("message", "finding " + i);
        }
        return JSON.writeValueAsBytes(report);
    }
}
