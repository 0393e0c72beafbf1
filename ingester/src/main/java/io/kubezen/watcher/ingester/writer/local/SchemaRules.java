package io.kubezen.watcher.ingester.writer.local;

import io.kubezen.watcher.ingester.writer.FieldCause;
import io.kubezen.watcher.ingester.writer.ObservationWrite;
import io.kubezen.watcher.model.ObservationSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Observation CRD's constraints that the Java model cannot express by itself (category and severity
 * are enums already), and the API server's label-value rule, checked here so the local sink rejects what the
 * API server would, with the same field paths. Keep in step with {@code deploy/crds/observations.zen.kube-zen.io.yaml}.
 */
final class SchemaRules {

    private static final String INVALID = "FieldValueInvalid";
    private static final String TOO_LONG = "FieldValueTooLong";
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9-]+$");
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z0-9_]+$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");

    private SchemaRules() {
    }

    static List<FieldCause> violations(ObservationWrite write) {
        ObservationSpec spec = write.observation().spec();
        List<FieldCause> causes = new ArrayList<>();
        if (write.namespace().length() > 63 || !DNS_LABEL.matcher(write.namespace()).matches()) {
            causes.add(new FieldCause("metadata.namespace", INVALID, "Invalid value: \"" + write.namespace()
                    + "\": metadata.namespace must be a lowercase RFC 1123 label"));
        }
        write.labels().forEach((key, value) -> {
            if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                causes.add(new FieldCause("metadata.labels", INVALID, "Invalid value: \"" + value + "\": a label value "
                        + "must be at most 63 characters of alphanumerics, '-', '_' or '.', starting and ending with an "
                        + "alphanumeric"));
            }
        });
        pattern(causes, "spec.source", spec.source(), SOURCE);
        maxLength(causes, "spec.source", spec.source(), 63);
        pattern(causes, "spec.eventType", spec.eventType(), EVENT_TYPE);
        maxLength(causes, "spec.eventType", spec.eventType(), 63);
        maxLength(causes, "spec.title", spec.title(), 256);
        maxLength(causes, "spec.description", spec.description(), 4096);
        maxLength(causes, "spec.fingerprint", spec.fingerprint(), 128);
        if (spec.ttlSecondsAfterCreation() != null && spec.ttlSecondsAfterCreation() < 1) {
            causes.add(new FieldCause("spec.ttlSecondsAfterCreation", INVALID, "Invalid value: "
                    + spec.ttlSecondsAfterCreation() + ": spec.ttlSecondsAfterCreation in body should be greater than or equal to 1"));
        }
        return causes;
    }

    private static void pattern(List<FieldCause> causes, String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            causes.add(new FieldCause(field, INVALID, "Invalid value: \"" + value + "\": " + field
                    + " in body should match '" + pattern.pattern() + "'"));
        }
    }

    private static void maxLength(List<FieldCause> causes, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            causes.add(new FieldCause(field, TOO_LONG, "Too long: " + field + " may not be longer than " + max));
        }
    }
}
