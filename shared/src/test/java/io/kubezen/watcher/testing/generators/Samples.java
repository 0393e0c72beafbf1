package io.kubezen.watcher.testing.generators;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Requests to every source type, for properties that hold whatever the source. */
public final class Samples {

    private Samples() {
    }

    public static Arbitrary<Sample> anySource() {
        return Arbitraries.oneOf(FalcoAlerts.samples(), AuditEvents.samples(), AlertmanagerNotifications.samples(),
                CloudEvents.structured(), CloudEvents.binary(), CloudEvents.batch(), WebhookPayloads.samples(),
                InformerObjects.samples());
    }
}
