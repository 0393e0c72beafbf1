package io.kubezen.watcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of {@link IngesterSpec}: the controller reads Ingester resources with it and writes the
 * projection with it, and the ingester reads the projection and its {@code zen-watcher.sources.*} with it, so
 * a field means the same wherever it is written. Unknown fields are refused, naming them, rather than ignored.
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private SpecJson() {
    }

    /** @throws UnreadableSpecException naming the field that does not read */
    public static IngesterSpec read(String json) {
        try {
            return MAPPER.readValue(json, IngesterSpec.class);
        } catch (JsonProcessingException e) {
            throw UnreadableSpecException.of(e);
        }
    }

    /**
     * @param tree a spec as maps, lists and scalars (a parsed YAML or JSON document)
     * @throws UnreadableSpecException naming the field that does not read
     */
    public static IngesterSpec convert(Object tree) {
        try {
            return MAPPER.convertValue(tree, IngesterSpec.class);
        } catch (IllegalArgumentException e) {
            throw UnreadableSpecException.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The spec's own mapper, for a document that holds specs (the projection). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A spec that does not read, with the path of the field below the spec, as {@code webhook.auth.mode}. */
    public static final class UnreadableSpecException extends IllegalArgumentException {

        private final String field;
        private final String detail;

        private UnreadableSpecException(String field, String detail, Throwable cause) {
            super((field.isEmpty() ? "" : field + ": ") + detail, cause);
            this.field = field;
            this.detail = detail;
        }

        static UnreadableSpecException of(Throwable cause) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                mapping.getPath().forEach(ref -> field.append(ref.getFieldName() != null
                        ? (field.isEmpty() ? "" : ".") + ref.getFieldName() : "[" + ref.getIndex() + "]"));
                // A value our own types refuse (an unknown enum name, say) says best itself what is wrong.
                String detail = mapping instanceof ValueInstantiationException && mapping.getCause() != null
                        ? mapping.getCause().getMessage() : mapping.getOriginalMessage();
                return new UnreadableSpecException(field.toString(), detail, cause);
            }
            String detail = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
            return new UnreadableSpecException("", detail, cause);
        }

        /** The error as a resource's status names it, below {@code root} (for example {@code spec}). */
        public ConfigError error(String root) {
            return new ConfigError(field.isEmpty() ? root : root + "." + field, detail);
        }
    }
}
