package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.auth.SecretResolver;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The secret resolver of every role: the receiver's sources read their secrets with it, and the admin API's
 * token is checked with it in any role, a writer-only process's included.
 */
@Factory
class SecretsFactory {

    @Singleton
    SecretResolver secretResolver() {
        return new SecretResolver(System::getenv);
    }
}
