package io.kubezen.watcher.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the load generator's event id in an Observation's details. The falco payload carries it in the
 * command line ({@code bash -il <id>}), which the falco source keeps under {@code output_fields}.
 */
final class EventIdField {

    private static final String COMMAND_PREFIX = "bash -il ";

    private EventIdField() {
    }

    /** The event id, or null for an Observation that did not come from the load. */
    static String of(JsonNode details) {
        String command = details.path("output_fields").path("proc.cmdline").asText("");
        return command.startsWith(COMMAND_PREFIX) ? command.substring(COMMAND_PREFIX.length()) : null;
    }
}
