package io.kubezen.watcher.testing.deploy;

import com.google.gson.JsonParser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds fields that a built-in Kubernetes kind does not have, such as {@code readOnlyRootFileSystem}. The
 * OpenAPI schemas leave objects open, so a schema check passes them, and an API server without strict field
 * validation drops them silently: a typo in a security context is a security hole nobody sees. client-java's
 * generated models list every field of every built-in kind, and check nested objects the same way.
 */
final class UnknownFields {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    /** Groups of the built-in kinds; CRD kinds (serving.knative.dev Service) may share a model's class name. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling");
    private static final Pattern TRAILING_JSON = Pattern.compile("(\\. JSON)?: [\\[{].*$", Pattern.DOTALL);

    private UnknownFields() {
    }

    /** The first unknown or missing required field of a built-in kind, if any; other kinds pass. */
    static Optional<String> problem(Manifest manifest) {
        String group = manifest.group();
        if (!BUILT_IN_GROUPS.contains(group) && !group.endsWith(".k8s.io")) {
            return Optional.empty();
        }
        Optional<Method> validator = validator(manifest);
        if (validator.isEmpty()) {
            return Optional.empty();
        }
        try {
            validator.get().invoke(null, JsonParser.parseString(manifest.object().toString()));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            // client-java appends the whole offending JSON object; the field and model names say enough.
            return Optional.of(TRAILING_JSON.matcher(String.valueOf(e.getCause().getMessage())).replaceFirst(""));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code apps/v1 Deployment} is {@code V1Deployment}; a kind client-java does not model has none. */
    private static Optional<Method> validator(Manifest manifest) {
        String apiVersion = manifest.apiVersion();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = Character.toUpperCase(version.charAt(0)) + version.substring(1) + manifest.kind();
        try {
            return Optional.of(Class.forName(MODELS + model).getMethod("validateJsonElement", com.google.gson.JsonElement.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
