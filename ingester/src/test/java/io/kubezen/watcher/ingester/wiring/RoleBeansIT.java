package io.kubezen.watcher.ingester.wiring;

import io.kubernetes.client.openapi.ApiClient;
import io.kubezen.watcher.ingester.Fixtures;
import io.kubezen.watcher.ingester.Ingester;
import io.kubezen.watcher.ingester.writer.ObservationSink;
import io.kubezen.watcher.ingester.writer.consume.QueueWriterLoop;
import io.kubezen.watcher.ingester.writer.kubernetes.KubernetesObservationSink;
import io.kubezen.watcher.ingester.writer.local.LocalSinkGc;
import io.kubezen.watcher.testing.redis.RedisServerHandle;
import io.kubezen.watcher.testing.redis.WithRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each role's context holds. A receiver scaled from zero pays for every definition it loads, so it must
 * carry no Kubernetes client and no writer machinery, even after it has served a request (lazy beans included).
 */
@WithRedis
class RoleBeansIT {

    private static final String UNREACHABLE_API = "http://127.0.0.1:9";

    @Test
    void aReceiverInRedisModeHasNoKubernetesClientAndNoWriter(RedisServerHandle redis) {
        try (Ingester receiver = Ingester.start(Map.of("zen-watcher.roles", "receiver",
                "zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.receiver.allow-unauthenticated-builtins", true,
                "kubernetes.client.base-path", UNREACHABLE_API))) {
            assertThat(receiver.post("/ingest/falco", Fixtures.read("falco/http-output.json"),
                    "Content-Type", "application/json").statusCode()).isEqualTo(202);

            ApplicationContext context = receiver.context();
            assertThat(kubernetesDefinitions(context)).isEmpty();
            assertThat(definitionsIn(context, "io.kubezen.watcher.ingester.writer"))
                    .as("of the writer's package, its configuration records only").allMatch(name -> name.endsWith("Properties"));
            assertThat(context.findBeanDefinition(ApiClient.class)).isEmpty();
            assertThat(context.findBeanDefinition(ObservationSink.class)).isEmpty();
            assertThat(context.findBeanDefinition(QueueWriterLoop.class)).isEmpty();
            assertThat(context.getBeansOfType(MeterRegistry.class))
                    .as("the libraries' package conditions still apply: micrometer's logging registry stays off")
                    .noneMatch(LoggingMeterRegistry.class::isInstance);
        }
    }

    @Test
    void aWriterWithAnApiServerHasItsClient(RedisServerHandle redis) {
        try (Ingester writer = Ingester.start(Map.of("zen-watcher.roles", "writer",
                "zen-watcher.redis.uri", redis.uri(),
                "kubernetes.client.base-path", UNREACHABLE_API))) {
            ApplicationContext context = writer.context();
            assertThat(context.findBeanDefinition(ApiClient.class)).isPresent();
            assertThat(writer.bean(ObservationSink.class)).isInstanceOf(KubernetesObservationSink.class);
            assertThat(context.findBeanDefinition(QueueWriterLoop.class)).isPresent();
            assertThat(context.findBeanDefinition(LocalSinkGc.class)).as("the controller collects in a cluster").isEmpty();
        }
    }

    @Test
    void aWriterOnTheLocalSinkHasNoKubernetesClient(RedisServerHandle redis, @TempDir Path sinkDir) {
        try (Ingester writer = Ingester.start(Map.of("zen-watcher.roles", "writer",
                "zen-watcher.redis.uri", redis.uri(),
                "zen-watcher.writer.local-sink-path", sinkDir.resolve("observations.jsonl").toString()))) {
            assertThat(kubernetesDefinitions(writer.context())).isEmpty();
            assertThat(writer.context().findBeanDefinition(QueueWriterLoop.class)).isPresent();
            assertThat(writer.context().getBeansOfType(LocalSinkGc.class)).as("its own GC, running").hasSize(1);
        }
    }

    /** By the definition's own class too: a factory's beans have client-java types but live in its package. */
    private static Stream<String> kubernetesDefinitions(ApplicationContext context) {
        return context.getAllBeanDefinitions().stream()
                .flatMap(definition -> Stream.of(definition.getClass().getName(), definition.getBeanType().getName()))
                .filter(name -> name.startsWith(KubernetesClientConfigurer.CLIENT_PACKAGE + ".")
                        || name.startsWith("io.kubernetes.client."));
    }

    private static Stream<String> definitionsIn(ApplicationContext context, String packageName) {
        return context.getAllBeanDefinitions().stream().map(BeanDefinition::getBeanType).map(Class::getName)
                .filter(name -> name.startsWith(packageName + "."));
    }
}
