package io.kubezen.watcher.controller.informer.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubezen.watcher.admission.ReplicaAcks;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.controller.informer.InformerSource;
import io.kubezen.watcher.controller.informer.SourceWatch;
import io.kubezen.watcher.controller.informer.WorkQueueOptions;
import io.kubezen.watcher.controller.informer.redis.RedisFindingStore;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.dedup.memory.InMemoryDedupWindows;
import io.kubezen.watcher.admission.redis.RedisAdmissionStore;
import io.kubezen.watcher.metrics.EventTypeLabels;
import io.kubezen.watcher.metrics.MetricNames;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.queue.QueuedObservation;
import io.kubezen.watcher.queue.QueuedObservationCodec;
import io.kubezen.watcher.redis.RedisConnector;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.Await;
import io.kubezen.watcher.testing.redis.QueueStreams;
import io.kubezen.watcher.testing.redis.RedisConnectors;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PolicyReports on an API server become queue entries in a real Redis, once each: an update adds only its new
 * finding, and a restarted controller on the same Redis adds nothing for what the last one emitted. Dedup is off
 * for the source, so only the finding records can be what keeps a replay out of the queue. An informer's label
 * and field selectors reach the server, which filters. Subclassed per API server, which serves
 * {@value #POLICY_REPORTS_CRD}.
 */
@WithRedis
abstract class KubernetesSourceWatchContract {

    static final String POLICY_REPORTS_CRD = "informer/crds/policyreports.yaml";
    private static final String GROUP = "wgpolicyk8s.io";
    private static final String VERSION = "v1alpha2";
    private static final String PLURAL = "policyreports";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final RedisConnectors connectors = new RedisConnectors();
    private final RedisServerHandle redis;
    private final List<SourceWatch> watches = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ApiClient client;
    private CustomObjectsApi api;
    private String namespace;

    KubernetesSourceWatchContract(RedisServerHandle redis) {
        this.redis = redis;
    }

    /** A client of a server serving {@value #POLICY_REPORTS_CRD} in which {@code namespace} exists. */
    protected abstract ApiClient connect() throws Exception;

    /** An empty namespace of the server, new for each test where the server outlives it. */
    protected abstract String prepareNamespace() throws Exception;

    @BeforeEach
    final void connectToServer() throws Exception {
        client = connect();
        api = new CustomObjectsApi(client);
        namespace = prepareNamespace();
    }

    @AfterEach
    void stopWatches() {
        watches.forEach(SourceWatch::close);
    }

    @Test
    void emitsEachFindingOnceAcrossUpdatesAndRestarts() throws Exception {
        RedisConnector first = connectors.open(redis);
        SourceWatch controller = start(first);
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, report("cart", 2)).execute();
        awaitQueued(first, 2);

        Map<String, Object> updated = getReport("cart");
        updated.put("results", results(3));
        api.replaceNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, "cart", updated).execute();
        awaitQueued(first, 3);
        assertThat(rules(first)).containsExactlyInAnyOrder("rule-0", "rule-1", "rule-2");

        controller.close();
        RedisConnector restarted = connectors.open(redis);
        SourceWatch next = start(restarted);
        Await.until("the restarted informer listed the reports", WAIT, next::hasSynced);
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, report("checkout", 1)).execute();
        awaitQueued(restarted, 4);

        assertThat(rules(restarted)).containsExactlyInAnyOrder("rule-0", "rule-1", "rule-2", "rule-0");
        assertThat(resources(restarted)).containsExactlyInAnyOrder("cart", "cart", "cart", "checkout");
    }

    @Test
    void theSourceHasItsLastEventAndThresholdGaugesOnlyWhileItsInformersRun() throws Exception {
        SourceWatch watch = start(connectors.open(redis));
        assertThat(registry.get(MetricNames.LAST_EVENT).tag(MetricNames.TAG_SOURCE, "kyverno").gauge()).isNotNull();
        assertThat(registry.get(MetricNames.SILENT_AFTER).tag(MetricNames.TAG_SOURCE, "kyverno").gauge().value())
                .isEqualTo(86_400);

        watch.close();

        assertThat(registry.find(MetricNames.LAST_EVENT).gauges()).isEmpty();
        assertThat(registry.find(MetricNames.SILENT_AFTER).gauges()).isEmpty();
    }

    @Test
    void onlyObjectsTheSelectorsMatchAreWatched() throws Exception {
        RedisConnector connector = connectors.open(redis);
        start(connector, "labelSelector: team=payments, fieldSelector: metadata.name!=drafts");
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, labelled(report("other-team", 1), "search"))
                .execute();
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, labelled(report("drafts", 1), "payments"))
                .execute();
        api.createNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, labelled(report("cart", 2), "payments"))
                .execute();

        awaitQueued(connector, 2);
        assertThat(resources(connector)).containsExactly("cart", "cart");
    }

    private SourceWatch start(RedisConnector connector) throws Exception {
        return start(connector, "");
    }

    private SourceWatch start(RedisConnector connector, String selectors) throws Exception {
        Clock clock = Clock.systemUTC();
        Admission admission = new Admission(new RedisAdmissionStore(connector, clock, DedupStore.DEFAULT_STATUS_INTERVAL,
                10_000, ReplicaAcks.NONE), new InMemoryDedupWindows(), clock);
        SourceWatch watch = new KubernetesWatchStarter(client, new RedisFindingStore(connector), admission,
                new WorkQueueOptions(1, Duration.ofMillis(50), Duration.ofSeconds(1), 10, 10),
                registry, new ObservedEvents(registry, clock, new EventTypeLabels(10))).start(source(selectors));
        watches.add(watch);
        return watch;
    }

    private InformerSource source(String selectors) throws Exception {
        IngesterSpec spec = new ObjectMapper(new YAMLFactory()).readValue("""
                source: kyverno
                type: informer
                informer: {group: wgpolicyk8s.io, version: v1alpha2, resource: policyreports, namespaces: [%s],
                           builtinMapping: policy-report%s}
                dedup: {enabled: false}
                expectations: {silentAfterSeconds: 86400}
                """.formatted(namespace, selectors.isEmpty() ? "" : ", " + selectors), IngesterSpec.class);
        SourceCompiler compiler = new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT);
        return new InformerSource(spec.source(), spec.informer(), compiler.compile(SourceDefinition.of(spec, null)),
                spec.expectations());
    }

    private static void awaitQueued(RedisConnector connector, long entries) {
        Await.until(entries + " queue entries", WAIT,
                () -> QueueStreams.length(connector.shared().sync()) >= entries);
        assertThat(QueueStreams.length(connector.shared().sync())).isEqualTo(entries);
    }

    private static List<QueuedObservation> entries(RedisConnector connector) {
        return QueueStreams.entries(connector.shared().sync()).stream()
                .map(message -> QueuedObservationCodec.decode(message.getBody()))
                .filter(QueuedObservation.class::isInstance).map(QueuedObservation.class::cast).toList();
    }

    private static List<String> rules(RedisConnector connector) {
        return entries(connector).stream().map(e -> (String) e.observation().spec().details().get("rule")).toList();
    }

    private static List<String> resources(RedisConnector connector) {
        return entries(connector).stream().map(e -> e.observation().spec().resource().name()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getReport(String name) throws Exception {
        return (Map<String, Object>) api.getNamespacedCustomObject(GROUP, VERSION, namespace, PLURAL, name).execute();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labelled(Map<String, Object> report, String team) {
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) report.get("metadata"));
        metadata.put("labels", Map.of("team", team));
        report.put("metadata", metadata);
        return report;
    }

    private Map<String, Object> report(String name, int failures) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("apiVersion", GROUP + "/" + VERSION);
        report.put("kind", "PolicyReport");
        report.put("metadata", Map.of("name", name, "namespace", namespace));
        report.put("scope", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", name,
                "namespace", namespace));
        report.put("results", results(failures));
        return report;
    }

    private static List<Map<String, Object>> results(int failures) {
        List<Map<String, Object>> results = new ArrayList<>();
        results.add(Map.of("policy", "disallow-latest-tag", "rule", "require-tag", "result", "pass"));
        for (int i = 0; i < failures; i++) {
            results.add(Map.of("policy", "policy-" + i, "rule", "rule-" + i, "result", "fail",
                    "message", "finding " + i));
        }
        return results;
    }
}
