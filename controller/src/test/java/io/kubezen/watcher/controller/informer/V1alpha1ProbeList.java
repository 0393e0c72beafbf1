package io.kubezen.watcher.controller.informer;

import io.kubezen.watcher.kube.model.ObjectList;

/** The list type of {@link V1alpha1Probe}, as informers list it. */
public class V1alpha1ProbeList extends ObjectList<V1alpha1Probe> {
}
