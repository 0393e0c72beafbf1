package io.kubezen.watcher.controller.projection;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.controller.informer.InformerSourceRegistry;
import io.kubezen.watcher.kube.model.V1alpha1Ingester;
import io.kubezen.watcher.model.Condition;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.pipeline.PipelineOptions;
import io.kubezen.watcher.pipeline.SourceCompiler;
import io.kubezen.watcher.projection.ConfigProjection;
import io.kubezen.watcher.projection.memory.InMemoryConfigProjection;
import io.kubezen.watcher.source.SourceAdapterRegistry;
import io.kubezen.watcher.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync step, called directly with a key: no informer, no threads, no Redis. */
class ProjectionSyncTest {

    private static final Gson GSON = new Gson();
    private static final String KEY = "zen/github";
    private static final String TOKEN = "s3cret-token";

    private final Map<String, V1alpha1Ingester> cache = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>(Map.of("zen/github-auth/token", TOKEN));
    private final Set<String> forbiddenNamespaces = new HashSet<>();
    private final List<IngesterStatus> written = new ArrayList<>();
    private final List<IngesterSpec> running = new ArrayList<>();
    private final ConfigProjection projection = new InMemoryConfigProjection();
    private final ProjectionSync sync = newLeader();

    @Test
    void aValidIngesterIsProjectedWithAVerifierAndReportedReady() {
        put("github", 1, bearerSpec("github", Map.of()));

        assertThat(sync.sync(KEY)).isTrue();

        assertThat(projection.read().version()).isEqualTo(1);
        IngesterSpec projected = projection.read().sources().get(KEY);
        assertThat(projected.source()).isEqualTo("github");
        assertThat(SpecJson.write(projected)).doesNotContain(TOKEN).contains("\"sha256\"");
        assertThat(written).singleElement().satisfies(status -> {
            assertThat(status.observedGeneration()).isEqualTo(1);
            assertThat(status.servedGeneration()).isEqualTo(1);
            assertThat(status.configVersion()).isEqualTo(1);
            assertThat(ready(status).status()).isEqualTo("True");
        });
    }

    @Test
    void anInvalidFilterIsReportedNamingTheFieldAndNotProjected() {
        put("github", 2, bearerSpec("github", Map.of("expression", "observation.severity ==")));

        assertThat(sync.sync(KEY)).isTrue();

        assertThat(projection.read().sources()).isEmpty();
        Condition ready = ready(written.get(0));
        assertThat(ready.status()).isEqualTo("False");
        assertThat(ready.reason()).isEqualTo(IngesterStatus.REASON_INVALID_SPEC);
        assertThat(ready.message()).startsWith("spec.filter.expression: ");
        assertThat(written.get(0).configVersion()).isNull();
        assertThat(written.get(0).servedGeneration()).as("never valid: nothing to serve").isNull();
    }

    @Test
    void anUnchangedIngesterIsNeitherRepublishedNorRewritten() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);
        withStatus(KEY, written.get(0));

        sync.sync(KEY);

        assertThat(written).hasSize(1);
        assertThat(projection.read().version()).isEqualTo(1);
    }

    @Test
    void aDeletedIngesterIsWithdrawn() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);

        cache.remove(KEY);
        assertThat(sync.sync(KEY)).isTrue();

        assertThat(projection.read().sources()).isEmpty();
        assertThat(projection.read().version()).isEqualTo(2);
    }

    @Test
    void aMissingSecretIsRetriedAndSaysWhichKeyIsMissing() {
        secrets.clear();
        put("github", 1, bearerSpec("github", Map.of()));

        assertThat(sync.sync(KEY)).isFalse();

        Condition ready = ready(written.get(0));
        assertThat(ready.reason()).isEqualTo(ProjectionResult.REASON_SECRET_UNAVAILABLE);
        assertThat(ready.message()).isEqualTo("spec.webhook.auth.bearer.secretRef: Secret zen/github-auth has no key "
                + "'token', or it is empty");
        assertThat(projection.read().sources()).isEmpty();
    }

    @Test
    void aBasicPasswordIsProjectedAsABcryptHashThatStaysPutWhileThePasswordDoes() {
        put("github", 1, Map.of("source", "github", "type", "webhook", "webhook", Map.of("auth", Map.of("mode", "basic",
                "basic", Map.of("username", "gh", "secretRef", Map.of("name", "github-auth", "key", "token"))))));
        sync.sync(KEY);
        String first = SpecJson.write(projection.read().sources().get(KEY));
        withStatus(KEY, written.get(0));

        sync.sync(KEY);

        assertThat(first).contains("\"bcrypt\":\"$2a$04$").doesNotContain(TOKEN);
        assertThat(projection.read().version()).isEqualTo(1);
    }

    @Test
    void anInvalidEditKeepsTheLastValidGenerationServedUntilItIsFixed() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);
        IngesterSpec valid = projection.read().sources().get(KEY);
        withStatus(KEY, written.get(0));

        put("github", 2, bearerSpec("github", Map.of("expression", "observation.severity ==")));
        assertThat(sync.sync(KEY)).as("only an edit can fix it: no retry").isTrue();

        assertThat(projection.read().version()).as("nothing republished").isEqualTo(1);
        assertThat(projection.read().sources()).containsEntry(KEY, valid);
        assertThat(lastWritten()).satisfies(status -> {
            assertThat(status.observedGeneration()).isEqualTo(2);
            assertThat(status.servedGeneration()).isEqualTo(1);
            assertThat(status.configVersion()).isEqualTo(1);
            assertThat(ready(status).status()).isEqualTo("False");
            assertThat(ready(status).reason()).isEqualTo(IngesterStatus.REASON_INVALID_SPEC);
            assertThat(ready(status).message()).startsWith("spec.filter.expression: ");
        });
        withStatus(KEY, lastWritten());

        put("github", 3, bearerSpec("github", Map.of("minSeverity", "high")));
        assertThat(sync.sync(KEY)).isTrue();

        assertThat(projection.read().version()).isEqualTo(2);
        assertThat(projection.read().sources().get(KEY).filter().minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(lastWritten()).satisfies(status -> {
            assertThat(status.observedGeneration()).isEqualTo(3);
            assertThat(status.servedGeneration()).isEqualTo(3);
            assertThat(status.configVersion()).isEqualTo(2);
            assertThat(ready(status).status()).isEqualTo("True");
        });
    }

    @Test
    void anUnreadableSecretKeepsTheLastValidVerifiersWhileItIsRetried() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);
        IngesterSpec valid = projection.read().sources().get(KEY);
        withStatus(KEY, written.get(0));

        secrets.clear();
        put("github", 2, bearerSpec("github", Map.of("minSeverity", "high")));
        assertThat(sync.sync(KEY)).as("retried with backoff").isFalse();

        assertThat(projection.read().sources()).containsEntry(KEY, valid);
        assertThat(lastWritten().servedGeneration()).isEqualTo(1);
        assertThat(ready(lastWritten()).reason()).isEqualTo(ProjectionResult.REASON_SECRET_UNAVAILABLE);
        withStatus(KEY, lastWritten());

        secrets.put("zen/github-auth/token", TOKEN);
        assertThat(sync.sync(KEY)).isTrue();

        assertThat(projection.read().sources().get(KEY).filter().minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(lastWritten().servedGeneration()).isEqualTo(2);
        assertThat(ready(lastWritten()).status()).isEqualTo("True");
    }

    @Test
    void aSecretTheControllerMayNotReadIsReportedAndRetriedUntilGranted() {
        forbiddenNamespaces.add("zen");
        put("github", 1, bearerSpec("github", Map.of()));

        assertThat(sync.sync(KEY)).as("retried with backoff").isFalse();

        assertThat(projection.read().sources()).isEmpty();
        Condition ready = ready(lastWritten());
        assertThat(ready.reason()).isEqualTo(ProjectionResult.REASON_SECRET_UNAVAILABLE);
        assertThat(ready.message()).startsWith("spec.webhook.auth.bearer.secretRef: ")
                .contains("may not read Secret zen/github-auth");
        withStatus(KEY, lastWritten());

        forbiddenNamespaces.clear();
        assertThat(sync.sync(KEY)).isTrue();
        assertThat(ready(lastWritten()).status()).isEqualTo("True");
    }

    @Test
    void anIngesterThatTurnedInvalidKeepsItsLastValidSpecAcrossALeaderTakeover() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);
        IngesterSpec valid = projection.read().sources().get(KEY);
        withStatus(KEY, written.get(0));
        put("github", 2, bearerSpec("github", Map.of("expression", "observation.severity ==")));

        ProjectionSync next = newLeader();
        next.begin();
        next.sync(KEY);

        assertThat(projection.read().version()).isEqualTo(1);
        assertThat(projection.read().sources()).containsEntry(KEY, valid);
        assertThat(lastWritten().observedGeneration()).isEqualTo(2);
        assertThat(lastWritten().servedGeneration()).as("from the status the last leader wrote").isEqualTo(1);
        assertThat(lastWritten().configVersion()).isEqualTo(1);
    }

    @Test
    void deletingAnIngesterWithdrawsItsLastValidSpec() {
        put("github", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);
        put("github", 2, bearerSpec("github", Map.of("expression", "observation.severity ==")));
        sync.sync(KEY);

        cache.remove(KEY);
        sync.sync(KEY);

        assertThat(projection.read().sources()).isEmpty();
    }

    @Test
    void aSecondIngesterForTheSameSourceIsRefused() {
        put("github", 1, bearerSpec("github", Map.of()));
        put("github-copy", 1, bearerSpec("github", Map.of()));
        sync.sync(KEY);

        assertThat(sync.sync("zen/github-copy")).isFalse();

        assertThat(projection.read().sources()).containsOnlyKeys(KEY);
        assertThat(ready(written.get(1)).message()).isEqualTo("spec.source: 'github' is already served by Ingester zen/github");
    }

    @Test
    void aNewTermKeepsWhatTheLastLeaderProjectedForIngestersThatStillExist() {
        projection.publish(Map.of(KEY, webhook("github"), "zen/gone", webhook("gone")));
        put("github", 1, bearerSpec("github", Map.of()));

        sync.begin();

        assertThat(projection.read().sources()).containsOnlyKeys(KEY);
        assertThat(projection.read().version()).isEqualTo(2);
    }

    @Test
    void anInformerIngesterRunsOnTheInformerDutyInsteadOfBeingProjected() {
        put("kyverno", 1, Map.of("source", "kyverno", "type", "informer", "informer", Map.of(
                "group", "wgpolicyk8s.io", "version", "v1alpha2", "resource", "policyreports",
                "builtinMapping", "policy-report")));

        assertThat(sync.sync("zen/kyverno")).isTrue();

        assertThat(running).extracting(IngesterSpec::source).containsExactly("kyverno");
        assertThat(projection.read().sources()).isEmpty();
        assertThat(ready(written.get(0)).status()).isEqualTo("True");

        cache.remove("zen/kyverno");
        sync.sync("zen/kyverno");

        assertThat(running).isEmpty();
    }

    @Test
    void aLogsIngesterRunsOnALeaderDutyAndAnInvalidEditKeepsTheLastValidGenerationRunning() {
        put("shop", 1, logsSpec("ERROR (?P<message>.*)"));
        sync.sync("zen/shop");

        put("shop", 2, logsSpec("(a+)\\1"));
        sync.sync("zen/shop");

        assertThat(running).singleElement().satisfies(spec ->
                assertThat(spec.logs().patterns().get(0).regex()).isEqualTo("ERROR (?P<message>.*)"));
        assertThat(projection.read().sources()).isEmpty();
        IngesterStatus status = written.get(written.size() - 1);
        assertThat(ready(status).status()).isEqualTo("False");
        assertThat(ready(status).message()).startsWith("spec.logs.patterns[0].regex: pattern 'errors' is not an RE2");
        assertThat(status.servedGeneration()).isEqualTo(1);
    }

    @Test
    void aLogsIngesterIsRefusedWhereNoDutyRunsLogsSources() {
        ProjectionSync informersOnly = new ProjectionSync(new MapLookup(), new IngesterProjector(
                new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT), (namespace, name, key) ->
                Optional.empty(), new Verifiers(4), Path.of("/etc/zen-watcher/hmac")), projection, new RecordingStatuses(),
                new MutableClock(Instant.parse("2026-11-24T06:00:00Z")), new InformerIngesters(specs -> Map.of(), List.of()));
        put("shop", 1, logsSpec("ERROR"));

        informersOnly.sync("zen/shop");

        assertThat(ready(written.get(0)).status()).isEqualTo("False");
        assertThat(ready(written.get(0)).message()).contains("controller.logsSources.enabled");
    }

    @Test
    void anInformerIngesterWithAnUnknownMappingIsNotRunAndSaysWhy() {
        put("trivy", 1, Map.of("source", "trivy", "type", "informer", "informer", Map.of(
                "group", "aquasecurity.github.io", "version", "v1alpha1", "resource", "vulnerabilityreports",
                "builtinMapping", "no-such-mapping")));

        sync.sync("zen/trivy");

        assertThat(running).isEmpty();
        assertThat(ready(written.get(0)).status()).isEqualTo("False");
        assertThat(ready(written.get(0)).message()).contains("spec.informer.builtinMapping");
    }

    /** A sync step as a leader builds it at the start of its term, on the same cache, secrets and projection. */
    private ProjectionSync newLeader() {
        return new ProjectionSync(new MapLookup(), new IngesterProjector(
                new SourceCompiler(SourceAdapterRegistry.load(), PipelineOptions.DEFAULT),
                (namespace, name, key) -> {
                    if (forbiddenNamespaces.contains(namespace)) {
                        throw new SecretForbiddenException("the controller may not read Secret " + namespace + "/"
                                + name + ": grant it get on Secrets in " + namespace);
                    }
                    return Optional.ofNullable(secrets.get(namespace + "/" + name + "/" + key));
                },
                new Verifiers(4), Path.of("/etc/zen-watcher/hmac")),
                projection, new RecordingStatuses(), new MutableClock(Instant.parse("2026-11-24T06:00:00Z")),
                new InformerIngesters(new RecordingRegistry(), List.of()));
    }

    /** Runs informer and logs sources: what it was last given is what runs. */
    private final class RecordingRegistry implements InformerSourceRegistry {

        @Override
        public Map<String, List<ConfigError>> update(List<IngesterSpec> specs) {
            running.clear();
            running.addAll(specs);
            return Map.of();
        }

        @Override
        public Set<SourceType> types() {
            return Set.of(SourceType.INFORMER, SourceType.LOGS);
        }
    }

    private static Condition ready(IngesterStatus status) {
        return status.conditions().stream().filter(c -> c.type().equals("Ready")).findFirst().orElseThrow();
    }

    private static Map<String, Object> logsSpec(String regex) {
        return Map.of("source", "shop", "type", "logs", "logs", Map.of("podSelector", "app=shop", "patterns",
                List.of(Map.of("name", "errors", "regex", regex))));
    }

    private static Map<String, Object> bearerSpec(String source, Map<String, Object> filter) {
        return Map.of("source", source, "type", "webhook", "filter", filter, "webhook", Map.of("auth", Map.of(
                "mode", "bearer", "bearer", Map.of("secretRef", Map.of("name", "github-auth", "key", "token")))));
    }

    /** Creates or edits an Ingester; an edit keeps the status, as the API server does. */
    private void put(String name, long generation, Map<String, Object> spec) {
        V1alpha1Ingester before = cache.get("zen/" + name);
        cache.put("zen/" + name, new V1alpha1Ingester(new V1ObjectMeta().namespace("zen").name(name).generation(generation),
                GSON.toJsonTree(spec).getAsJsonObject(), before == null ? null : before.getStatus()));
    }

    private void withStatus(String key, IngesterStatus status) {
        V1alpha1Ingester before = cache.get(key);
        Map<String, Object> fields = new HashMap<>(Map.of("observedGeneration", status.observedGeneration(),
                "conditions", status.conditions().stream().map(c -> Map.of(
                        "type", c.type(), "status", c.status(), "observedGeneration", c.observedGeneration(),
                        "reason", c.reason(), "message", c.message(), "lastTransitionTime",
                        c.lastTransitionTime().toString())).toList()));
        if (status.servedGeneration() != null) {
            fields.put("servedGeneration", status.servedGeneration());
        }
        if (status.configVersion() != null) {
            fields.put("configVersion", status.configVersion());
        }
        cache.put(key, new V1alpha1Ingester(before.getMetadata(), before.getSpec(), GSON.toJsonTree(fields).getAsJsonObject()));
    }

    private IngesterStatus lastWritten() {
        return written.get(written.size() - 1);
    }

    private final class RecordingStatuses implements StatusWriter {

        @Override
        public void write(String namespace, String name, IngesterStatus status) {
            written.add(status);
        }

        @Override
        public void writeLastEventAt(String namespace, String name, Instant lastEventAt) {
            throw new AssertionError("the sync step never writes lastEventAt");
        }
    }

    private final class MapLookup implements IngesterLookup {

        @Override
        public Optional<V1alpha1Ingester> get(String key) {
            return Optional.ofNullable(cache.get(key));
        }

        @Override
        public Set<String> keys() {
            return Set.copyOf(cache.keySet());
        }
    }

    private static IngesterSpec webhook(String source) {
        return SpecJson.convert(Map.of("source", source, "type", "webhook"));
    }
}
