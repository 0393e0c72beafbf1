package io.kubezen.watcher.ingester;

import io.kubezen.watcher.ingester.startup.ClassPreloader;
import io.micronaut.runtime.Micronaut;

public final class IngesterApplication {

    private IngesterApplication() {
    }

    public static void main(String[] args) {
        ClassPreloader.start();
        Micronaut.run(IngesterApplication.class, args);
    }
}
