package io.kubezen.watcher.controller.logs;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Pods as the kubelet reports them, made on a test API server: created, then their status set. */
public final class TestPods {

    private TestPods() {
    }

    /** A pod with one container that runs since {@code startedAt}. */
    public static void running(ApiClient client, String namespace, String name, Map<String, String> labels,
                               String container, Instant startedAt) throws ApiException {
        CoreV1Api core = new CoreV1Api(client);
        V1Pod pod = core.createNamespacedPod(namespace, new V1Pod()
                .metadata(new V1ObjectMeta().name(name).labels(labels))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name(container).image(container)))))
                .execute();
        core.replaceNamespacedPodStatus(name, namespace, pod.status(new V1PodStatus().phase("Running")
                .containerStatuses(List.of(new V1ContainerStatus().name(container).image(container).imageID("")
                        .ready(true).restartCount(0).containerID("containerd://" + name + "-" + container)
                        .state(new V1ContainerState().running(new V1ContainerStateRunning()
                                .startedAt(startedAt.atOffset(ZoneOffset.UTC)))))))).execute();
    }
}
