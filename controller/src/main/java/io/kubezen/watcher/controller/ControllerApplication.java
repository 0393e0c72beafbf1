package io.kubezen.watcher.controller;

import io.micronaut.runtime.Micronaut;

public final class ControllerApplication {

    private ControllerApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ControllerApplication.class, args);
    }
}
