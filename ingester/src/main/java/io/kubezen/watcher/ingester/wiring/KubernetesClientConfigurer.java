package io.kubezen.watcher.ingester.wiring;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanConfiguration;
import io.micronaut.inject.BeanDefinitionReference;

import java.util.ArrayList;
import java.util.List;

/**
 * Leaves micronaut-kubernetes-client's beans (an {@code ApiClient} and a factory per API group, over a hundred
 * definitions) out of every process that does not write Observations through the Kubernetes API: a receiver
 * never calls it, and a writer on the local sink has none, so neither can create a client, nor anything built on
 * one. Micronaut still loads the definitions' classes to read their conditions; sparing those would take a jar
 * without the library (docs/benchmarks.md, "Cold start").
 *
 * <p>Applies to every application context, the tests' too (a {@code @ContextConfigurer} is a service).
 */
@ContextConfigurer
public final class KubernetesClientConfigurer implements ApplicationContextConfigurer {

    static final String CLIENT_PACKAGE = "io.micronaut.kubernetes.client";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        // Micronaut reads the libraries' own bean configurations (a package's @Requires, such as the informers'
        // k8s environment) only when the builder was given none, so they are given here with ours.
        List<BeanConfiguration> configurations = new ArrayList<>(
                SoftServiceLoader.load(BeanConfiguration.class, KubernetesClientConfigurer.class.getClassLoader())
                        .collectAll());
        configurations.add(new ClientPackage());
        builder.beanConfigurations(configurations.toArray(BeanConfiguration[]::new));
    }

    /** Whether a context of these properties writes through the Kubernetes API. */
    static boolean needsClient(ApplicationContext context) {
        return Role.WRITER.isEnabled(context.getEnvironment())
                && KubernetesConfigured.isConfigured(context.containsProperty(KubernetesConfigured.BASE_PATH));
    }

    /**
     * The client's package, matched by the definition's own class name. {@link BeanConfiguration#of} matches the
     * bean's type instead, and the factories' beans have client-java types ({@code ApiClient}, {@code CoreV1Api}),
     * outside the package.
     */
    private static final class ClientPackage implements BeanConfiguration {

        @Override
        public Package getPackage() {
            return null;
        }

        @Override
        public String getName() {
            return CLIENT_PACKAGE;
        }

        @Override
        public String getVersion() {
            return null;
        }

        @Override
        public boolean isWithin(BeanDefinitionReference reference) {
            return isWithin(reference.getBeanDefinitionName());
        }

        @Override
        public boolean isEnabled(BeanContext context, BeanResolutionContext resolutionContext) {
            return context instanceof ApplicationContext && needsClient((ApplicationContext) context);
        }
    }
}
