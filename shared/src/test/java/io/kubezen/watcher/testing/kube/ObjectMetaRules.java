package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code metadata} rules every object meets on a real server: only ObjectMeta's fields survive (client-java
 * models reject unknown ones), names are DNS subdomains (namespaces, and the namespace of a namespaced object:
 * DNS labels), labels are valid.
 */
final class ObjectMetaRules {

    static final Set<String> FIELDS = Set.of("annotations", "creationTimestamp", "deletionGracePeriodSeconds",
            "deletionTimestamp", "finalizers", "generateName", "generation", "labels", "managedFields", "name",
            "namespace", "ownerReferences", "resourceVersion", "selfLink", "uid");

    private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String LABEL_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

    private ObjectMetaRules() {
    }

    static void prune(ObjectNode metadata) {
        List<String> unknown = new ArrayList<>();
        metadata.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                unknown.add(f);
            }
        });
        metadata.remove(unknown);
    }

    static List<FieldError> validate(ObjectNode metadata, ResourceType type) {
        List<FieldError> errors = new ArrayList<>();
        String name = Json.text(metadata, "name");
        if (name.isEmpty()) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else if (type == ResourceRegistry.NAMESPACES) {
            checkDnsLabel("metadata.name", name, errors);
        } else {
            checkSubdomain("metadata.name", name, errors);
        }
        if (type.namespaced()) {
            checkDnsLabel("metadata.namespace", Json.text(metadata, "namespace"), errors);
        }
        for (Map.Entry<String, JsonNode> label : (Iterable<Map.Entry<String, JsonNode>>)
                metadata.path("labels")::fields) {
            checkLabelKey(label.getKey(), errors);
            checkLabelValue(label.getValue().asText(), errors);
        }
        return errors;
    }

    private static void checkSubdomain(String field, String value, List<FieldError> errors) {
        if (value.length() > 253) {
            errors.add(FieldError.invalid(field, value, "must be no more than 253 characters"));
        }
        if (!value.matches(SUBDOMAIN)) {
            errors.add(FieldError.invalid(field, value, "a lowercase RFC 1123 subdomain must consist of lower case "
                    + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                    + "(e.g. 'example.com', regex used for validation is '" + SUBDOMAIN + "')"));
        }
    }

    private static void checkDnsLabel(String field, String value, List<FieldError> errors) {
        if (value.length() > 63) {
            errors.add(FieldError.invalid(field, value, "must be no more than 63 characters"));
        }
        if (!value.matches(DNS_LABEL)) {
            errors.add(FieldError.invalid(field, value, "a lowercase RFC 1123 label must consist of lower case "
                    + "alphanumeric characters or '-', and must start and end with an alphanumeric character "
                    + "(e.g. 'my-name',  or '123-abc', regex used for validation is '" + DNS_LABEL + "')"));
        }
    }

    private static void checkLabelKey(String key, List<FieldError> errors) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            checkSubdomain("metadata.labels", key.substring(0, slash), errors);
        }
        if (name.isEmpty() || name.length() > 63 || !Pattern.matches(LABEL_NAME, name)) {
            errors.add(FieldError.invalid("metadata.labels", key, "name part must consist of alphanumeric "
                    + "characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                    + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '"
                    + LABEL_NAME + "')"));
        }
    }

    private static void checkLabelValue(String value, List<FieldError> errors) {
        if (value.length() > 63) {
            errors.add(FieldError.invalid("metadata.labels", value, "must be no more than 63 characters"));
        }
        if (!Pattern.matches(LABEL_VALUE, value)) {
            errors.add(FieldError.invalid("metadata.labels", value, "a valid label must be an empty string or "
                    + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    + "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
                    + "validation is '" + LABEL_VALUE + "')"));
        }
    }
}
