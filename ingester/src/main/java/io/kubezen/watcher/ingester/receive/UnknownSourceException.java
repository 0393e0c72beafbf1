package io.kubezen.watcher.ingester.receive;

import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;

import java.util.Map;

/** 404: no source of that name is configured on this receiver. */
final class UnknownSourceException extends ProblemException {

    UnknownSourceException(String source) {
        super(ProblemType.UNKNOWN_SOURCE, "No source named '" + source + "' is configured. Built-in sources are "
                + "named after their type (falco, k8s-audit, alertmanager, cloudevents, webhook); others come from "
                + "zen-watcher.sources.<name> or an Ingester resource.", null, null, Map.of());
    }
}
