package io.kubezen.watcher.source.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.LogPatternSpec;
import io.kubezen.watcher.config.LogsSpec;
import io.kubezen.watcher.config.MappingSpec;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import io.kubezen.watcher.model.Category;
import io.kubezen.watcher.normalize.KubernetesNames;
import io.kubezen.watcher.normalize.Normalizer;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.Payload;
import io.kubezen.watcher.source.SourceAdapter;
import io.kubezen.watcher.source.SourceDefaults;
import io.kubezen.watcher.source.mapping.FieldMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Container log lines that the controller's leader streams, one line per payload, matched against the source's
 * patterns. Patterns are RE2 (RE2/J): matching is linear in the line, whatever the pattern, so no line can stall the
 * stream the way a backtracking engine's catastrophic case would; lines are cut at {@link #MAX_LINE_CHARS} before
 * matching, and {@link RegexBudget} refuses patterns whose compiled program would be huge. Never received over HTTP.
 */
public final class LogsAdapter implements SourceAdapter {

    /** JSON by every rule of {@link Payload#isJson()}, and says where the bytes came from. */
    public static final String CONTENT_TYPE = "application/vnd.kube-zen.log-line+json";
    /** Characters of a line that patterns see; the controller cuts longer lines to this many. */
    public static final int MAX_LINE_CHARS = 16 * 1024;

    /** The details every match carries; a pattern's own groups may not take their names. */
    static final Set<String> LINE_DETAILS = Set.of("namespace", "pod", "container", "line");
    static final List<String> FINGERPRINT_FIELDS = List.of("eventType", "resource", "title", "details");
    private static final String FIELD = "spec.logs";
    private static final Pattern PATTERN_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload of one line, as the pipeline reads it. */
    public static Payload payload(LogLine line) {
        ObjectNode node = JSON.createObjectNode()
                .put("namespace", line.namespace())
                .put("pod", line.pod())
                .put("container", line.container())
                .put("time", line.time().toString())
                .put("text", line.text());
        return new Payload(node.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, Map.of());
    }

    @Override
    public SourceType type() {
        return SourceType.LOGS;
    }

    @Override
    public SourceDefaults defaults(SourceDefinition definition) {
        return new SourceDefaults(Category.OPERATIONS, MappingSpec.DEFAULT_SEVERITY, "log_match", FINGERPRINT_FIELDS);
    }

    @Override
    public EventParser compile(SourceDefinition definition, ConfigErrors errors) {
        LogsSpec logs = definition.logs();
        if (logs == null) {
            errors.add(FIELD, "is required for type logs");
            return null;
        }
        FieldMapping.rejectPaths(definition.mapping(), SourceType.LOGS, errors);
        List<String> namespaces = logs.namespaces() == null ? List.of() : logs.namespaces();
        for (int i = 0; i < namespaces.size(); i++) {
            if (!KubernetesNames.isDnsLabel(namespaces.get(i))) {
                errors.add(FIELD + ".namespaces[" + i + "]", "'" + namespaces.get(i) + "' is not a namespace name");
            }
        }
        if (logs.container() != null && !KubernetesNames.isDnsLabel(logs.container())) {
            errors.add(FIELD + ".container", "'" + logs.container() + "' is not a container name");
        }
        if (logs.sinceSeconds() != null && logs.sinceSeconds() < 0) {
            errors.add(FIELD + ".sinceSeconds", "must be 0 or more");
        }
        List<LogPatternSpec> specs = logs.patterns() == null ? List.of() : logs.patterns();
        if (specs.isEmpty()) {
            errors.add(FIELD + ".patterns", "needs at least one pattern");
        }
        List<LinePattern> patterns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String field = FIELD + ".patterns[" + i + "]";
            LogPatternSpec spec = specs.get(i);
            if (spec.name() == null || !PATTERN_NAME.matches(spec.name()) || spec.name().length() > 63) {
                errors.add(field + ".name", "'" + spec.name() + "' must be at most 63 characters of a-z, 0-9 and '-'");
            } else if (!names.add(spec.name())) {
                errors.add(field + ".name", "'" + spec.name() + "' names two patterns");
            }
            LinePattern compiled = compile(spec, field, errors);
            if (compiled != null) {
                patterns.add(compiled);
            }
        }
        return new LogParser(patterns);
    }

    private static LinePattern compile(LogPatternSpec spec, String field, ConfigErrors errors) {
        String named = "pattern '" + spec.name() + "' ";
        if (spec.regex() == null || spec.regex().isEmpty()) {
            errors.add(field + ".regex", named + "needs a regex");
            return null;
        }
        String problem = RegexBudget.problem(spec.regex());
        if (problem != null) {
            errors.add(field + ".regex", named + problem);
            return null;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(spec.regex());
        } catch (PatternSyntaxException e) {
            errors.add(field + ".regex", named + "is not an RE2 regular expression (no backreferences or "
                    + "lookaround): " + e.getDescription());
            return null;
        }
        Set<String> groupNames = pattern.namedGroups().keySet();
        LogPatternSpec.Groups groups = spec.groups();
        if (groups != null) {
            checkGroup(groups.severity(), groupNames, field + ".groups.severity", named, errors);
            checkGroup(groups.eventType(), groupNames, field + ".groups.eventType", named, errors);
            checkGroup(groups.title(), groupNames, field + ".groups.title", named, errors);
            checkGroup(groups.resource(), groupNames, field + ".groups.resource", named, errors);
        }
        List<String> details = groups == null || groups.details() == null
                ? groupNames.stream().sorted().toList() : groups.details();
        for (int i = 0; i < details.size(); i++) {
            String detailField = groups == null || groups.details() == null ? field + ".regex"
                    : field + ".groups.details[" + i + "]";
            checkGroup(details.get(i), groupNames, detailField, named, errors);
            if (LINE_DETAILS.contains(details.get(i)) || Normalizer.RESERVED_DETAILS.contains(details.get(i))) {
                errors.add(detailField, named + "group '" + details.get(i) + "' would replace a detail every match "
                        + "has; rename it");
            }
        }
        return new LinePattern(spec, pattern, details);
    }

    private static void checkGroup(String group, Set<String> groupNames, String field, String named,
                                   ConfigErrors errors) {
        if (group != null && !groupNames.contains(group)) {
            errors.add(field, named + "has no group named '" + group + "'; it has " + groupNames.stream().sorted().toList());
        }
    }
}
