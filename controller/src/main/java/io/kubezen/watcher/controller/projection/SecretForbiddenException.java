package io.kubezen.watcher.controller.projection;

/**
 * The controller may not read a Secret an Ingester names: a configuration gap an operator closes (RBAC), not an
 * outage. The Ingester reports it in its status and is retried with backoff, so the grant takes effect without
 * a restart.
 */
public final class SecretForbiddenException extends RuntimeException {

    public SecretForbiddenException(String message) {
        super(message);
    }
}
