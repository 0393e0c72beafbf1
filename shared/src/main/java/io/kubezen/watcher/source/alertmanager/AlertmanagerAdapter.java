package io.kubezen.watcher.source.alertmanager;

import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.model.Severity;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FixedFormatAdapter;

import java.util.List;

/** Alertmanager's webhook receiver, payload version 4: one Observation per alert, firing or resolved. */
public final class AlertmanagerAdapter extends FixedFormatAdapter {

    /**
     * One alert occurrence: Alertmanager's fingerprint (a hash of the labels), its status and when it
     * started, so its firing and its resolution are two Observations and a re-notification is a duplicate.
     * The labels are included for senders that leave the fingerprint out.
     */
    static final List<String> FINGERPRINT_FIELDS = List.of(
            "details.fingerprint", "details.labels", "details.status", "details.startsAt");

    public AlertmanagerAdapter() {
        super(SourceType.ALERTMANAGER,
                new SourceDefaults(Category.OPERATIONS, Severity.MEDIUM, "alertmanager_alert", FINGERPRINT_FIELDS),
                AlertmanagerParser::new);
    }
}
