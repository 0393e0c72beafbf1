package io.kubezen.watcher.controller.informer;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.kubernetes.client.informer.Informer;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An {@code @Informer} bean with nothing but the model classes given: micronaut-kubernetes finds the group and plural
 * through discovery and the namespace from {@code kubernetes.client.namespace}.
 */
@Requires(property = "spec.name", value = "ProbeInformerIT")
@Informer(apiType = V1alpha1Probe.class, apiListType = V1alpha1ProbeList.class)
public class RecordingProbeHandler implements ResourceEventHandler<V1alpha1Probe> {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    BlockingQueue<String> events() {
        return events;
    }

    @Override
    public void onAdd(V1alpha1Probe probe) {
        events.add("add " + describe(probe));
    }

    @Override
    public void onUpdate(V1alpha1Probe oldProbe, V1alpha1Probe newProbe) {
        events.add("update " + describe(newProbe));
    }

    @Override
    public void onDelete(V1alpha1Probe probe, boolean deletedFinalStateUnknown) {
        events.add("delete " + describe(probe));
    }

    private static String describe(V1alpha1Probe probe) {
        Map<String, Object> spec = probe.getSpec();
        return probe.getMetadata().getNamespace() + "/" + probe.getMetadata().getName() + " severity="
                + (spec == null ? null : spec.get("severity"));
    }
}
