package io.kubezen.watcher.source.logs;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.model.ResourceRef;
import io.kubezen.watcher.normalize.ObservationDraft;
import io.kubezen.watcher.pipeline.Fixtures;
import io.kubezen.watcher.source.EventParser;
import io.kubezen.watcher.source.PayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogsAdapterTest {

    private static final Instant TIME = Instant.parse("2026-01-01T10:00:00.123456789Z");
    private static final LogsAdapter ADAPTER = new LogsAdapter();

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("no logs block", "{}", "spec.logs: is required for type logs"),
                Arguments.of("no patterns", "{logs: {patterns: []}}", "spec.logs.patterns: needs at least one pattern"),
                Arguments.of("backreference", pattern("bad", "'(a+)\\1'"),
                        "spec.logs.patterns[0].regex: pattern 'bad' is not an RE2 regular expression"),
                Arguments.of("lookahead", pattern("bad", "'a(?=b)'"),
                        "spec.logs.patterns[0].regex: pattern 'bad' is not an RE2 regular expression"),
                Arguments.of("nested counted repetition", pattern("huge", "'((a{1000}){1000}){1000}'"),
                        "spec.logs.patterns[0].regex: pattern 'huge' repeats more than 10000 atoms"),
                Arguments.of("group that does not exist", "{logs: {patterns: [{name: p, regex: '(?P<a>x)', "
                        + "groups: {title: b}}]}}", "spec.logs.patterns[0].groups.title: pattern 'p' has no group named 'b'"),
                Arguments.of("group that would replace a line detail", pattern("p", "'(?P<pod>x)'"),
                        "spec.logs.patterns[0].regex: pattern 'p' group 'pod' would replace a detail"),
                Arguments.of("two patterns of one name", "{logs: {patterns: [{name: p, regex: a}, {name: p, regex: b}]}}",
                        "spec.logs.patterns[1].name: 'p' names two patterns"),
                Arguments.of("JSONPath mapping", "{mapping: {fields: {severity: $.x}}, " + pattern("p", "a").substring(1),
                        "spec.mapping: type logs has a fixed payload format"),
                Arguments.of("negative since", "{logs: {sinceSeconds: -1, patterns: [{name: p, regex: a}]}}",
                        "spec.logs.sinceSeconds: must be 0 or more"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void refusesNamingFieldAndPattern(String name, String spec, String error) {
        ConfigErrors errors = new ConfigErrors();

        ADAPTER.compile(definition(spec), errors);

        assertThat(errors.list()).extracting(ConfigError::toString).anySatisfy(e -> assertThat(e).startsWith(error));
    }

    @Test
    void firstMatchingPatternMakesTheDraftFromItsGroupsAndConstants() throws PayloadException {
        EventParser parser = compile("{logs: {patterns: ["
                + "{name: denied, regex: 'denied user=(?P<user>\\w+) on (?P<target>\\S+)', severity: high, "
                + "eventType: access_denied, title: Access denied, groups: {resource: target, details: [user]}},"
                + "{name: any-error, regex: 'ERROR (?P<message>.*)', groups: {title: message}}]}}");

        List<ObservationDraft> drafts = parser.parse(LogsAdapter.payload(line("denied user=bob on secret-a")));

        assertThat(drafts).singleElement().satisfies(draft -> {
            assertThat(draft.rule()).isEqualTo("denied");
            assertThat(draft.severity()).isEqualTo("high");
            assertThat(draft.eventType()).isEqualTo("access_denied");
            assertThat(draft.title()).isEqualTo("Access denied");
            assertThat(draft.resource()).isEqualTo(new ResourceRef(null, null, "secret-a", "shop"));
            assertThat(draft.detectedAt()).isEqualTo(TIME);
            assertThat(draft.details()).containsExactly(entry("namespace", "shop"), entry("pod", "api-1"),
                    entry("container", "api"), entry("user", "bob"), entry("line", "denied user=bob on secret-a"));
        });
    }

    @Test
    void aLaterPatternMatchesWhatEarlierOnesDoNotAndTheResourceDefaultsToThePod() throws PayloadException {
        EventParser parser = compile("{logs: {patterns: [{name: denied, regex: 'denied'}, "
                + "{name: any-error, regex: 'ERROR (?P<message>.*)', severity: low, groups: {title: message}}]}}");

        List<ObservationDraft> drafts = parser.parse(LogsAdapter.payload(line("ERROR disk full")));

        assertThat(drafts).singleElement().satisfies(draft -> {
            assertThat(draft.rule()).isEqualTo("any-error");
            assertThat(draft.title()).isEqualTo("disk full");
            assertThat(draft.severity()).isEqualTo("low");
            assertThat(draft.resource()).isEqualTo(new ResourceRef("v1", "Pod", "api-1", "shop"));
            assertThat(draft.details()).containsEntry("message", "disk full");
        });
    }

    @Test
    void anUnmatchedLineIsNoEvent() throws PayloadException {
        EventParser parser = compile(pattern("p", "'^ERROR'"));

        assertThat(parser.parse(LogsAdapter.payload(line("INFO ERROR later in the line")))).isEmpty();
    }

    @Test
    void aPathologicalPatternForBacktrackingMatchesALongLineInLinearTime() throws PayloadException {
        EventParser parser = compile(pattern("evil", "'^(a+)+$'"));

        // A backtracking engine takes 2^n steps on n a's followed by a mismatch; RE2 reads the line once.
        assertThat(parser.parse(LogsAdapter.payload(line("a".repeat(10_000) + "!")))).isEmpty();
    }

    private static String pattern(String name, String regex) {
        return "{logs: {patterns: [{name: " + name + ", regex: " + regex + "}]}}";
    }

    private static EventParser compile(String spec) {
        ConfigErrors errors = new ConfigErrors();
        EventParser parser = ADAPTER.compile(definition(spec), errors);
        assertThat(errors.list()).isEmpty();
        return parser;
    }

    private static SourceDefinition definition(String spec) {
        return Fixtures.definition("{name: app-logs, type: logs, " + spec.substring(1));
    }

    private static LogLine line(String text) {
        return new LogLine("shop", "api-1", "api", TIME, text);
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return Map.entry(key, value);
    }
}
