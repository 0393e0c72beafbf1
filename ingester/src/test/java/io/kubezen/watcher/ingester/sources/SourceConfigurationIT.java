package io.kubezen.watcher.ingester.sources;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sources configured in the application's properties: a mistake stops the start and names the key. */
class SourceConfigurationIT {

    @Test
    void configuredSourceReplacesTheBuiltinOfTheSameNameAndAddsItsOwn() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
                "zen-watcher.sources.falco.type", "falco",
                "zen-watcher.sources.falco.webhook.auth.mode", "none",
                "zen-watcher.sources.github.type", "webhook",
                "zen-watcher.sources.github.webhook.auth.mode", "none",
                "zen-watcher.sources.github.mapping.severityMap.CRIT", "critical"))) {
            SourceCatalog catalog = server.getApplicationContext().getBean(SourceCatalog.class);

            assertThat(catalog.all()).extracting(ReceiverSource::name)
                    .containsExactlyInAnyOrder("falco", "k8s-audit", "alertmanager", "cloudevents", "webhook", "github");
            assertThat(catalog.find("github").orElseThrow().pipeline().definition().mapping().severityMap())
                    .containsEntry("CRIT", "critical");
        }
    }

    @Test
    void invalidFilterExpressionStopsTheStartNamingTheField() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
                "zen-watcher.sources.bad.type", "webhook",
                "zen-watcher.sources.bad.webhook.auth.mode", "none",
                "zen-watcher.sources.bad.filter.expression", "observation.severity ==")))
                .hasStackTraceContaining("zen-watcher.sources.bad")
                .hasStackTraceContaining("spec.filter.expression");
    }

    @Test
    void authSectionWithoutModeStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
                "zen-watcher.sources.bad.type", "falco",
                "zen-watcher.sources.bad.webhook.auth.bearer.secretRef.value", "x")))
                .hasStackTraceContaining("webhook.auth.bearer is set but webhook.auth.mode is not set");
    }

    @Test
    void informerSourcesBelongToTheController() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
                "zen-watcher.sources.trivy.type", "informer")))
                .hasStackTraceContaining("zen-watcher.sources.trivy.type");
    }

    @Test
    void logsSourcesBelongToTheController() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
                "zen-watcher.roles", "receiver",
                "zen-watcher.sources.kube-bench.type", "logs",
                "zen-watcher.sources.kube-bench.logs.podSelector", "app=kube-bench")))
                .hasStackTraceContaining("logs sources are run by the controller, not the ingester");
    }
}
