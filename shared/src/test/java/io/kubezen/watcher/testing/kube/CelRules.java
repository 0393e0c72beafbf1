package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRD's CEL rules ({@code x-kubernetes-validations}), checked as the API server checks them: at each schema
 * node that declares rules, {@code self} is the value there, and a rule that yields false is a
 * {@code FieldValueInvalid} cause on that path (or on {@code fieldPath} below it), worded
 * {@code spec.webhook.auth: Invalid value: <message>}. An object with a blocking schema error (a wrong type, a
 * missing required field, an unsupported value, too long, too many) is not checked; it gets the real server's
 * {@code <nil>} cause saying so instead. Rules using {@code oldSelf} (transition rules),
 * {@code messageExpression} and {@code reason} are not supported; a rule using them is skipped.
 */
final class CelRules {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private final List<FieldError> errors = new ArrayList<>();

    private CelRules() {
    }

    private static final Set<FieldError.Type> BLOCKING = EnumSet.of(FieldError.Type.TYPE_INVALID,
            FieldError.Type.REQUIRED, FieldError.Type.NOT_SUPPORTED, FieldError.Type.TOO_LONG, FieldError.Type.TOO_MANY);

    /** @param schemaErrors what the OpenAPI and metadata checks found; decides whether the rules run at all */
    static List<FieldError> check(JsonNode object, JsonNode rootSchema, List<FieldError> schemaErrors) {
        if (!rootSchema.toString().contains("\"x-kubernetes-validations\"")) {
            return List.of();
        }
        if (schemaErrors.stream().anyMatch(error -> BLOCKING.contains(error.type()))) {
            return List.of(new FieldError(FieldError.Type.INVALID, "<nil>", null, "null: some validation rules were "
                    + "not checked because the object was invalid; correct the existing errors to complete validation"));
        }
        CelRules rules = new CelRules();
        rules.visit(object, rootSchema, "");
        return rules.errors;
    }

    private void visit(JsonNode value, JsonNode schema, String path) {
        if (value == null || value.isNull() || !schema.isObject()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            evaluate(value, rule, path);
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            value.fields().forEachRemaining(field -> visit(field.getValue(),
                    properties.has(field.getKey()) ? properties.get(field.getKey()) : additional,
                    child(path, field.getKey())));
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                visit(value.get(i), schema.get("items"), path + "[" + i + "]");
            }
        }
    }

    private void evaluate(JsonNode value, JsonNode rule, String path) {
        String expression = rule.path("rule").asText();
        if (expression.contains("oldSelf") || rule.has("messageExpression") || rule.has("reason")) {
            return;
        }
        Object result;
        try {
            result = program(expression).eval(Map.of("self", plain(value)));
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL rule " + expression + " at " + path + " failed: " + e.getMessage(), e);
        }
        if (!Boolean.TRUE.equals(result)) {
            String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + expression;
            String field = path + rule.path("fieldPath").asText("");
            errors.add(new FieldError(FieldError.Type.INVALID, field.startsWith(".") ? field.substring(1) : field,
                    null, message));
        }
    }

    private static CelRuntime.Program program(String expression) {
        return PROGRAMS.computeIfAbsent(expression, rule -> {
            try {
                return RUNTIME.createProgram(COMPILER.compile(rule).getAst());
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalArgumentException("CRD rule does not compile: " + rule + ": " + e.getMessage(), e);
            }
        });
    }

    /** JSON as CEL's runtime takes it: maps, lists, strings, longs, doubles, booleans. */
    private static Object plain(JsonNode value) {
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), plain(field.getValue()));
                }
            });
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.isBoolean() ? value.booleanValue() : value.asText();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
