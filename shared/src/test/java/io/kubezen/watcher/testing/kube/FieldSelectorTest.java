package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FieldSelectorTest {

    private static final ObjectNode CONFIG_MAP = configMap();

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
            "metadata.name=a                          | true",
            "metadata.name==a                         | true",
            "metadata.name=b                          | false",
            "metadata.name!=b                         | true",
            "metadata.name=a,metadata.namespace=ns    | true",
            "metadata.name=a,metadata.namespace!=ns   | false"})
    void matchesNameAndNamespace(String selector, boolean expected) {
        assertThat(FieldSelector.parse(selector, ResourceRegistry.CONFIG_MAPS).matches(CONFIG_MAP)).isEqualTo(expected);
    }

    @Test
    void typesDeclareTheirOwnFields() {
        ObjectNode secret = configMap().put("type", "Opaque");

        assertThat(FieldSelector.parse("type=Opaque", ResourceRegistry.SECRETS).matches(secret)).isTrue();
    }

    @Test
    void unknownFieldsAreBadRequests() {
        ApiError error = catchThrowableOfType(ApiError.class,
                () -> FieldSelector.parse("spec.source=falco", ResourceRegistry.CONFIG_MAPS));

        assertThat(error.code()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("field label not supported: spec.source");
    }

    private static ObjectNode configMap() {
        ObjectNode object = Json.object();
        Json.metadata(object).put("name", "a").put("namespace", "ns");
        return object;
    }
}
