package io.kubezen.watcher.ingester;

import io.micronaut.runtime.Micronaut;

public final class IngesterApplication {

    private IngesterApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(IngesterApplication.class, args);
    }
}
