package io.kubezen.watcher.ingester.wiring;

import io.kubezen.watcher.ingester.sources.ProjectionReloader;
import io.kubezen.watcher.wiring.RedisProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Holds the HTTP server back until the projected configuration has been read once. The server is created
 * after the rest of the context and only then opens its port, so the first read runs alongside most of
 * the start-up, yet no request can arrive while a projected source is still unknown (it would get a 404).
 */
@Singleton
@Requires(condition = ReceiverRole.class)
@Requires(property = RedisProperties.URI)
class FirstProjectionGate implements BeanCreatedEventListener<EmbeddedServer> {

    private final ProjectionReloader reloader;

    FirstProjectionGate(ProjectionReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        reloader.awaitFirstLoad();
        return event.getBean();
    }
}
