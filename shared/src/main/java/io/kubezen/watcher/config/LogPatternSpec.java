package io.kubezen.watcher.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One regular expression (RE2 syntax: no backreferences or lookaround, so matching takes linear time) whose named
 * groups become Observation fields. A group that did not take part in the match leaves its field to the constant.
 *
 * @param name      names the pattern in status messages and as the Observations' {@code details.rule}
 * @param severity  a severity word for every match, mapped like a tool's word; absent: the source's default
 * @param eventType for every match; absent: the source's default event type
 * @param title     for every match; absent: none
 * @param groups    which named groups feed which fields; absent: every named group goes to details
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogPatternSpec(
        String name,
        String regex,
        String severity,
        String eventType,
        String title,
        Groups groups) {

    /**
     * Named groups per field.
     *
     * @param resource the group holding the name of the resource the line is about; absent: the pod
     * @param details  groups kept as details under their own names; absent: every named group
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Groups(
            String severity,
            String eventType,
            String title,
            String resource,
            List<String> details) {

        public Groups {
            details = details == null ? null : List.copyOf(details);
        }
    }
}
