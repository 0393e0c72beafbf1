package io.kubezen.watcher.pipeline;

import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.InvalidSourceException;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceCompilerTest {

    @Test
    void everyRegisteredTypeHasAWorkingBuiltInSource() {
        assertThat(Fixtures.COMPILER.builtinDefinitions()).extracting(SourceDefinition::name)
                .containsExactly("falco", "k8s-audit", "alertmanager", "cloudevents", "webhook");
        for (SourceDefinition builtin : Fixtures.COMPILER.builtinDefinitions()) {
            assertThat(Fixtures.COMPILER.validate(builtin)).as(builtin.name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "`{name: Falco_Prod, type: falco}` => spec.source",
            "`{type: falco}` => spec.source",
            "`{name: x, type: informer}` => spec.informer",
            "`{name: x, type: informer, informer: {version: v1}}` => spec.informer.resource",
            "`{name: x, type: informer, informer: {version: v1, resource: events, builtinMapping: nope}}` => spec.informer.builtinMapping",
            "`{name: x, type: informer, informer: {version: v1, resource: events, builtinMapping: kube-event}, mapping: {fields: {severity: $.p}}}` => spec.mapping",
            "`{name: x, type: falco, category: security, destination: {namespace: Zen}}` => spec.destination.namespace",
            "`{name: x, type: falco, destination: {allowedNamespaces: ['*', 'prod', 'Bad!']}}` => spec.destination.allowedNamespaces[2]",
            "`{name: x, type: falco, ttlSecondsAfterCreation: 0}` => spec.ttlSecondsAfterCreation",
            "`{name: x, type: falco, dedup: {windowSeconds: 0}}` => spec.dedup.windowSeconds",
            "`{name: x, type: falco, maxNestingDepth: 0}` => spec.webhook.limits.maxNestingDepth",
            "`{name: x, type: falco, dedup: {fingerprintFields: [rule, hostname]}}` => spec.dedup.fingerprintFields[1]",
            "`{name: x, type: falco, mapping: {fields: {severity: $.p}}}` => spec.mapping",
            "`{name: x, type: k8s-audit, mapping: {severityMap: {forbid: severe}}}` => spec.mapping.severityMap.forbid",
            "`{name: x, type: alertmanager, mapping: {defaultEventType: '!!'}}` => spec.mapping.defaultEventType",
            "`{name: x, type: webhook, mapping: {defaultEventType: Potential Local Privilege Escalation via Environment Variables Misuse}}` => spec.mapping.defaultEventType",
            "`{name: x, type: webhook, mapping: {details: {eventTypeFull: '$.kind'}}}` => spec.mapping.details.eventTypeFull",
            "`{name: x, type: webhook, mapping: {fields: {severity: '$.['}}}` => spec.mapping.fields.severity",
            "`{name: x, type: webhook, mapping: {fields: {eventType: kind}}}` => spec.mapping.fields.eventType",
            "`{name: x, type: webhook, mapping: {itemsPath: '$..'}}` => spec.mapping.itemsPath",
            "`{name: x, type: webhook, mapping: {details: {user: '$[?(@.a ==)]'}}}` => spec.mapping.details.user",
            "`{name: x, type: webhook, mapping: {titleTemplate: '{{$.rule}} on {{$.host'}}` => spec.mapping.titleTemplate",
            "`{name: x, type: webhook, mapping: {descriptionTemplate: '{{$.[}}'}}` => spec.mapping.descriptionTemplate",
            "`{name: x, type: cloudevents, mapping: {itemsPath: '$.items[*]'}}` => spec.mapping.itemsPath",
            "`{name: x, type: cloudevents, mapping: {details: {cloudevent: '$.id'}}}` => spec.mapping.details.cloudevent",
            "`{name: x, type: webhook, mapping: {details: {raw: '$.body'}}}` => spec.mapping.details.raw",
            "`{name: x, type: webhook, filter: {expression: 'foo == 1'}}` => spec.filter.expression",
            "`{name: x, type: webhook, filter: {includeEventTypes: ['---']}}` => spec.filter.includeEventTypes[0]"})
    void namesTheFieldOfEachMistake(String yaml, String field) {
        assertThat(Fixtures.COMPILER.validate(Fixtures.definition(yaml))).extracting(ConfigError::field)
                .containsExactly(field);
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        SourceDefinition definition = Fixtures.definition("""
                name: policy-hook
                type: webhook
                ttlSecondsAfterCreation: -1
                mapping:
                  fields: {severity: "$.[", rule: "$.rule"}
                  severityMap: {CRIT: critical, BAD: worst}
                filter:
                  expression: "observation.severity =="
                """);

        assertThat(Fixtures.COMPILER.validate(definition)).extracting(ConfigError::field).containsExactly(
                "spec.ttlSecondsAfterCreation", "spec.mapping.fields.severity", "spec.mapping.severityMap.BAD",
                "spec.filter.expression");
    }

    @Test
    void compileFailsWithAMessageAnOperatorCanAct() {
        SourceDefinition definition = Fixtures.definition(
                "{name: x, type: webhook, filter: {expression: 'observation.foo == 1 && bar'}}");

        assertThatThrownBy(() -> Fixtures.COMPILER.compile(definition)).isInstanceOf(InvalidSourceException.class)
                .hasMessage("source 'x' is invalid: spec.filter.expression: 1:25: undeclared reference to 'bar' "
                        + "(in container '')");
    }

    @Test
    void theSameDefinitionValidatesTheSameFromYaml() {
        SourceDefinition definition = Fixtures.definition("""
                name: falco-prod
                type: falco
                category: compliance
                destination: {namespace: zen-observations, allowedNamespaces: [prod-a]}
                ttlSecondsAfterCreation: 604800
                mapping: {severityMap: {Notice: medium}, defaultSeverity: high}
                filter: {minSeverity: medium, expression: 'observation.resource.namespace.startsWith("prod")'}
                dedup: {enabled: true, windowSeconds: 120, adaptive: false, fingerprintFields: [rule, resource.name]}
                maxNestingDepth: 32
                """);

        assertThat(Fixtures.COMPILER.validate(definition)).isEmpty();
        assertThat(definition.type()).isEqualTo(SourceType.FALCO);
    }
}
