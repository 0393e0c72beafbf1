package io.kubezen.watcher.source.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.normalize.Timestamps;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.InvalidPayloadException;
import io.kubezen.watcher.source.JsonFields;
import io.kubezen.watcher.source.JsonReader;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.PayloadException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Alertmanager notification. Every alert field lands in details, so no raw copy is kept. The
 * alert's status is also a label, so {@code kubectl get obs -l zen.kube-zen.io/alert-status=firing} works.
 */
final class AlertmanagerParser implements EventParser {

    static final String STATUS_LABEL = "zen.kube-zen.io/alert-status";
    private static final String VERSION = "4";

    /** Label that names the affected object, most specific first, with the object's kind. */
    private static final List<ResourceLabel> RESOURCE_LABELS = List.of(
            new ResourceLabel("pod", "v1", "Pod", true),
            new ResourceLabel("deployment", "apps/v1", "Deployment", true),
            new ResourceLabel("statefulset", "apps/v1", "StatefulSet", true),
            new ResourceLabel("daemonset", "apps/v1", "DaemonSet", true),
            new ResourceLabel("job_name", "batch/v1", "Job", true),
            new ResourceLabel("cronjob", "batch/v1", "CronJob", true),
            new ResourceLabel("service", "v1", "Service", true),
            new ResourceLabel("persistentvolumeclaim", "v1", "PersistentVolumeClaim", true),
            new ResourceLabel("node", "v1", "Node", false));

    private final JsonReader reader;

    AlertmanagerParser(JsonReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ObservationDraft> parse(Payload payload) throws PayloadException {
        payload.requireJson();
        JsonNode notification = JsonFields.requireObject(reader.read(payload.body()), "payload");
        String version = JsonFields.optionalText(notification, "version", "");
        if (version != null && !version.equals(VERSION)) {
            throw new InvalidPayloadException("version", "must be \"4\", got '" + version + "'");
        }
        String groupStatus = JsonFields.optionalText(notification, "status", "");
        String receiver = JsonFields.optionalText(notification, "receiver", "");
        JsonNode alerts = JsonFields.requireArray(notification, "alerts", "");
        List<ObservationDraft> drafts = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            drafts.add(alert(alerts.get(i), JsonFields.index("alerts", i), groupStatus, receiver));
        }
        return drafts;
    }

    private static ObservationDraft alert(JsonNode alert, String path, String groupStatus, String receiver)
            throws InvalidPayloadException {
        JsonFields.requireObject(alert, path);
        JsonNode labels = JsonFields.optionalObject(alert, "labels", path);
        JsonNode annotations = JsonFields.optionalObject(alert, "annotations", path);
        String status = JsonFields.optionalText(alert, "status", path);
        status = status != null ? status : groupStatus != null ? groupStatus : "firing";
        String startsAt = JsonFields.optionalText(alert, "startsAt", path);
        String endsAt = JsonFields.optionalText(alert, "endsAt", path);
        String alertname = text(labels, "alertname");
        String summary = text(annotations, "summary");
        String description = text(annotations, "description");
        return ObservationDraft.builder()
                .severity(text(labels, "severity"))
                .eventType(alertname)
                .rule(alertname)
                .resource(resource(labels))
                .title(summary != null ? summary : alertname)
                .description(description != null ? description : text(annotations, "message"))
                .detectedAt(detectedAt(status, startsAt, endsAt))
                .label(STATUS_LABEL, status)
                .detail("status", status)
                .detail("fingerprint", JsonFields.optionalText(alert, "fingerprint", path))
                .detail("startsAt", startsAt)
                .detail("endsAt", endsAt)
                .detail("generatorURL", JsonFields.optionalText(alert, "generatorURL", path))
                .detail("receiver", receiver)
                .detail("labels", labels)
                .detail("annotations", annotations)
                .build();
    }

    /** A resolved alert is observed when it ended; a firing one when it started. */
    private static Instant detectedAt(String status, String startsAt, String endsAt) {
        Instant ended = status.equals("resolved") ? Timestamps.parse(endsAt) : null;
        return ended != null ? ended : Timestamps.parse(startsAt);
    }

    private static ResourceRef resource(JsonNode labels) {
        String namespace = text(labels, "namespace");
        for (ResourceLabel candidate : RESOURCE_LABELS) {
            String name = text(labels, candidate.label());
            if (name != null) {
                return new ResourceRef(candidate.apiVersion(), candidate.kind(), name,
                        candidate.namespaced() ? namespace : null);
            }
        }
        return namespace == null ? null : new ResourceRef(null, null, null, namespace);
    }

    private static String text(JsonNode object, String key) {
        String value = object == null ? null : JsonFields.scalarText(object.get(key));
        return value == null || value.isBlank() ? null : value;
    }

    private record ResourceLabel(String label, String apiVersion, String kind, boolean namespaced) {
    }
}
