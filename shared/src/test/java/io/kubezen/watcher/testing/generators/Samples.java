package io.kubezen.watcher.testing.generators;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Requests to every source type, for properties that hold whatever the source. */
public final class Samples {

    private Samples() {
    }

    public static Gen<Sample> anySource() {
        return Generate.oneOf(FalcoAlerts.samples(), AuditEvents.samples(), AlertmanagerNotifications.samples(),
                CloudEvents.structured(), CloudEvents.binary(), CloudEvents.batch(), WebhookPayloads.samples(),
                InformerObjects.samples());
    }
}
