package io.kubezen.watcher.source.logs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.kubezen.watcher.config.LogPatternSpec;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;

import java.util.List;
import java.util.Optional;

/** One compiled pattern of a logs source: a line it matches becomes a draft, its named groups the fields. */
final class LinePattern {

    private final String name;
    private final Pattern pattern;
    private final LogPatternSpec spec;
    private final LogPatternSpec.Groups groups;
    private final List<String> detailGroups;

    /** @param pattern compiled from {@code spec.regex()}, whose group names {@code detailGroups} are checked against */
    LinePattern(LogPatternSpec spec, Pattern pattern, List<String> detailGroups) {
        this.name = spec.name();
        this.pattern = pattern;
        this.spec = spec;
        this.groups = spec.groups() == null ? new LogPatternSpec.Groups(null, null, null, null, null) : spec.groups();
        this.detailGroups = detailGroups;
    }

    Optional<ObservationDraft> match(LogLine line, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String resource = group(matcher, groups.resource());
        ObservationDraft.Builder draft = ObservationDraft.builder()
                .severity(orElse(group(matcher, groups.severity()), spec.severity()))
                .eventType(orElse(group(matcher, groups.eventType()), spec.eventType()))
                .title(orElse(group(matcher, groups.title()), spec.title()))
                .resource(resource == null ? new ResourceRef("v1", "Pod", line.pod(), line.namespace())
                        : new ResourceRef(null, null, resource, line.namespace()))
                .rule(name)
                .detectedAt(line.time())
                .detail("namespace", line.namespace())
                .detail("pod", line.pod())
                .detail("container", line.container());
        for (String detail : detailGroups) {
            String value = group(matcher, detail);
            if (value != null) {
                draft.detail(detail, value);
            }
        }
        return Optional.of(draft.detail("line", text).build());
    }

    /** Null when the pattern has no such group or it took no part in the match. */
    private static String group(Matcher matcher, String group) {
        return group == null ? null : matcher.group(group);
    }

    private static String orElse(String value, String constant) {
        return value != null ? value : constant;
    }
}
