package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.kubezen.watcher.testing.kube.SchemaFixture.WIDGETS;
import static io.kubezen.watcher.testing.kube.SchemaFixture.widget;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaPrunerTest {

    @Test
    void dropsUndeclaredFieldsAtEveryLevelButKeepsTypeMetaAndMetadata() {
        ObjectNode widget = widget("{\"source\":\"a\",\"bogus\":1,\"resource\":{\"kind\":\"Pod\",\"extra\":true},"
                + "\"targets\":[{\"name\":\"t\",\"junk\":1}]}");
        widget.put("topLevel", "x");

        SchemaPruner.prune(widget, WIDGETS.schema());

        assertThat(widget.has("topLevel")).isFalse();
        assertThat(widget.path("apiVersion").asText()).isEqualTo("example.io/v1");
        assertThat(widget.path("metadata").path("name").asText()).isEqualTo("w");
        assertThat(widget.path("spec").has("bogus")).isFalse();
        assertThat(widget.path("spec").path("resource").toString()).isEqualTo("{\"kind\":\"Pod\"}");
        assertThat(widget.path("spec").path("targets").toString()).isEqualTo("[{\"name\":\"t\"}]");
    }

    @Test
    void preserveUnknownFieldsKeepsEverythingBelow() {
        ObjectNode widget = widget("{\"details\":{\"anything\":{\"deep\":[1,2]}}}");

        SchemaPruner.prune(widget, WIDGETS.schema());

        assertThat(widget.path("spec").path("details").toString()).isEqualTo("{\"anything\":{\"deep\":[1,2]}}");
    }

    @Test
    void mapValuesArePrunedByTheirSchema() {
        ObjectNode widget = widget("{\"limits\":{\"cpu\":{\"max\":2,\"min\":1}}}");

        SchemaPruner.prune(widget, WIDGETS.schema());

        assertThat(widget.path("spec").path("limits").toString()).isEqualTo("{\"cpu\":{\"max\":2}}");
    }

    @Test
    void nullsOfNonNullableFieldsGoAndDefaultsFillTheGap() {
        ObjectNode widget = widget("{\"source\":null,\"note\":null,\"ttl\":null}");

        SchemaPruner.prune(widget, WIDGETS.schema());

        assertThat(widget.path("spec").has("source")).isFalse();
        assertThat(widget.path("spec").get("note").isNull()).isTrue();
        assertThat(widget.path("spec").path("ttl").asInt()).isEqualTo(3600);
    }

    @Test
    void defaultsDoNotOverrideGivenValues() {
        ObjectNode widget = widget("{\"ttl\":60}");

        SchemaPruner.prune(widget, WIDGETS.schema());

        assertThat(widget.path("spec").path("ttl").asInt()).isEqualTo(60);
    }
}
