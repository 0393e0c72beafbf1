package io.kubezen.watcher.controller.logs;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
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
        create(client, namespace, name, labels, container, "Running", new V1ContainerState().running(
                new V1ContainerStateRunning().startedAt(startedAt.atOffset(ZoneOffset.UTC))));
    }

    /** A pod whose one container ran from {@code startedAt} and exited 0, as a finished Job's pod. */
    public static void completed(ApiClient client, String namespace, String name, Map<String, String> labels,
                                 String container, Instant startedAt) throws ApiException {
        create(client, namespace, name, labels, container, "Succeeded", new V1ContainerState().terminated(
                new V1ContainerStateTerminated().exitCode(0).reason("Completed")
                        .startedAt(startedAt.atOffset(ZoneOffset.UTC))
                        .finishedAt(startedAt.plusSeconds(3).atOffset(ZoneOffset.UTC))));
    }

    private static void create(ApiClient client, String namespace, String name, Map<String, String> labels,
                               String container, String phase, V1ContainerState state) throws ApiException {
        CoreV1Api core = new CoreV1Api(client);
        V1Pod pod = core.createNamespacedPod(namespace, new V1Pod()
                .metadata(new V1ObjectMeta().name(name).labels(labels))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name(container).image(container)))))
                .execute();
        core.replaceNamespacedPodStatus(name, namespace, pod.status(new V1PodStatus().phase(phase)
                .containerStatuses(List.of(new V1ContainerStatus().name(container).image(container).imageID("")
                        .ready(false).restartCount(0).containerID("containerd://" + name + "-" + container)
                        .state(state))))).execute();
    }
}
