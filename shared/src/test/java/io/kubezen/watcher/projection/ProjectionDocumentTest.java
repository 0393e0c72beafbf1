package io.kubezen.watcher.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubezen.watcher.config.IngesterSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the controller, which writes the projection, and the ingesters, which read it: every
 * field of the {@link IngesterSpec} family survives a write and a read unchanged. The sample document must set
 * every field, so a field added to the family without a sample here fails, naming the field.
 */
class ProjectionDocumentTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    @Test
    void everyFieldSurvivesAWriteAndARead() throws IOException {
        String sample = sample();
        ProjectedConfig read = ProjectionDocument.read(7, sample);

        String written = ProjectionDocument.write(read.sources());

        assertThat(read.unreadable()).isEmpty();
        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(sample));
        assertThat(ProjectionDocument.read(7, written)).isEqualTo(read);
    }

    @Test
    void theSampleSetsEveryFieldOfTheFamily() throws IOException {
        Set<String> declared = new TreeSet<>();
        declared(IngesterSpec.class, declared);
        Set<String> set = new TreeSet<>();
        ProjectionDocument.read(1, sample()).sources().values().forEach(spec -> set(spec, set));

        assertThat(set).containsAll(declared);
    }

    @Test
    void aSpecThisProcessCannotReadSpoilsOnlyItself() {
        ProjectedConfig read = ProjectionDocument.read(3, """
                {"zen/new": {"source": "new", "type": "webhook", "podLogs": {}},
                 "zen/old": {"source": "old", "type": "webhook"}}
                """);

        assertThat(read.sources()).containsOnlyKeys("zen/old");
        assertThat(read.unreadable()).containsOnlyKeys("zen/new");
        assertThat(read.unreadable().get("zen/new")).contains("podLogs");
    }

    private static String sample() throws IOException {
        try (InputStream in = ProjectionDocumentTest.class.getResourceAsStream("/projection/every-field.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every field of the family, as {@code Record.field}. */
    private static void declared(Class<?> type, Set<String> fields) {
        for (RecordComponent component : type.getRecordComponents()) {
            fields.add(name(component));
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                declared(nested, fields);
            }
        }
    }

    private static String name(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }

    /** The record a component holds, directly or as the elements of a list or the values of a map. */
    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? plain : null;
        }
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            return recordIn(arguments[arguments.length - 1]);
        }
        return null;
    }

    /** The fields {@code value} sets, as {@code Record.field}. */
    private static void set(Object value, Set<String> fields) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object field = read(component, record);
                if (field != null) {
                    fields.add(name(component));
                    set(field, fields);
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> set(item, fields));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> set(item, fields));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
