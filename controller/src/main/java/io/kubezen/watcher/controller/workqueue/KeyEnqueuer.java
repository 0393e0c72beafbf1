package io.kubezen.watcher.controller.workqueue;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The event handler of an informer that feeds a work queue: every add, update and delete only enqueues the
 * object's key, and the worker reads the object's latest state when it takes the key.
 */
public final class KeyEnqueuer<T extends KubernetesObject, K> implements ResourceEventHandler<T> {

    private final Consumer<K> queue;
    private final Function<? super T, K> key;

    public KeyEnqueuer(Consumer<K> queue, Function<? super T, K> key) {
        this.queue = queue;
        this.key = key;
    }

    @Override
    public void onAdd(T object) {
        queue.accept(key.apply(object));
    }

    @Override
    public void onUpdate(T before, T after) {
        queue.accept(key.apply(after));
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
        queue.accept(key.apply(object));
    }
}
