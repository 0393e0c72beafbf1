package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.ingester.wiring.ReceiverRole;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Creates the receive path (the controller, the receiver, its stores and rate limiter) when the HTTP server is
 * created, before its port opens: the first request would otherwise create it on its way. In Redis mode this
 * runs first among the server's listeners, so the main thread does it while the projection's first read is
 * still under way on the reload thread, where it used to wait idle.
 */
@Singleton
@Requires(condition = ReceiverRole.class)
class ReceivePathPreparation implements BeanCreatedEventListener<EmbeddedServer>, Ordered {

    private final BeanProvider<IngestController> controller;

    ReceivePathPreparation(BeanProvider<IngestController> controller) {
        this.controller = controller;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        controller.get();
        return event.getBean();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
