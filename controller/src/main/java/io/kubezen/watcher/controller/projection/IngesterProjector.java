package io.kubezen.watcher.controller.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.JsonObject;
import io.kubezen.watcher.config.AuthSpec;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.config.SecretKeyRef;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.pipeline.SourceCompiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates one Ingester's spec as the ingester will compile it (the same {@link SourceCompiler}, so both say
 * the same about the same mistake, plus the CRD's cross-field rules) and projects it: each Secret reference
 * becomes a verifier ({@code {sha256}} for bearer tokens, {@code {bcrypt}} for basic passwords), or, for HMAC
 * keys, which must be known to verify, a file path under the ingesters' mount of that Secret.
 */
final class IngesterProjector {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final SourceCompiler compiler;
    private final SecretReader secrets;
    private final Verifiers verifiers;
    private final Path hmacSecretsDir;

    IngesterProjector(SourceCompiler compiler, SecretReader secrets, Verifiers verifiers, Path hmacSecretsDir) {
        this.compiler = compiler;
        this.secrets = secrets;
        this.verifiers = verifiers;
        this.hmacSecretsDir = hmacSecretsDir;
    }

    /** @param previous this Ingester's last projected spec, or null; lets an unchanged password keep its hash */
    ProjectionResult project(String namespace, JsonObject specJson, Map<String, Object> previous) {
        Map<String, Object> spec;
        IngesterSpec parsed;
        try {
            spec = JSON.readValue(specJson == null ? "{}" : specJson.toString(), MAP);
            parsed = JSON.convertValue(spec, IngesterSpec.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, List.of(unreadable(e)), false);
        }
        ConfigErrors errors = new ConfigErrors();
        CrossFieldRules.check(parsed, errors);
        List<ConfigError> all = new ArrayList<>(errors.list());
        all.addAll(compiler.validate(SourceDefinition.of(parsed, parsed.webhook() == null ? null : parsed.webhook().limits())));
        if (!all.isEmpty()) {
            return ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, all, false);
        }
        AuthSpec auth = parsed.webhook() == null ? null : parsed.webhook().auth();
        if (auth != null && auth.mode() != null) {
            ConfigErrors missing = new ConfigErrors();
            replaceSecretRef(namespace, auth, authMap(spec), authMap(previous), missing);
            if (!missing.isEmpty()) {
                return ProjectionResult.invalid(ProjectionResult.REASON_SECRET_UNAVAILABLE, missing.list(), true);
            }
        }
        return ProjectionResult.valid(spec, parsed.source());
    }

    private void replaceSecretRef(String namespace, AuthSpec auth, Map<String, Object> target,
                                  Map<String, Object> previous, ConfigErrors missing) {
        switch (auth.mode()) {
            case BEARER -> read(namespace, auth.bearer().secretRef(), "bearer", missing).ifPresent(tokens ->
                    section(target, "bearer").put("secretRef", Map.of("sha256", verifiers.sha256(tokens))));
            case BASIC -> read(namespace, auth.basic().secretRef(), "basic", missing).ifPresent(password ->
                    section(target, "basic").put("secretRef", Map.of("bcrypt",
                            verifiers.bcrypt(password, previousHash(previous)))));
            case HMAC -> read(namespace, auth.hmac().secretRef(), "hmac", missing).ifPresent(key -> {
                SecretKeyRef ref = auth.hmac().secretRef();
                section(target, "hmac").put("secretRef",
                        Map.of("file", hmacSecretsDir.resolve(ref.name()).resolve(ref.key()).toString()));
            });
            case NONE, CLIENT_CERT -> {
            }
        }
    }

    private Optional<String> read(String namespace, SecretKeyRef ref, String mode, ConfigErrors missing) {
        if (ref == null || ref.name() == null || ref.key() == null) {
            missing.add("spec.webhook.auth." + mode + ".secretRef", "needs the Secret's name and key");
            return Optional.empty();
        }
        Optional<String> value;
        try {
            value = secrets.read(namespace, ref.name(), ref.key()).filter(text -> !text.isBlank());
        } catch (SecretForbiddenException e) {
            missing.add("spec.webhook.auth." + mode + ".secretRef", e.getMessage());
            return Optional.empty();
        }
        if (value.isEmpty()) {
            missing.add("spec.webhook.auth." + mode + ".secretRef", "Secret " + namespace + "/" + ref.name()
                    + " has no key '" + ref.key() + "', or it is empty");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> authMap(Map<String, Object> spec) {
        Object webhook = spec == null ? null : spec.get("webhook");
        Object auth = webhook instanceof Map<?, ?> map ? map.get("auth") : null;
        return auth instanceof Map<?, ?> ? (Map<String, Object>) auth : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> auth, String mode) {
        return (Map<String, Object>) auth.get(mode);
    }

    @SuppressWarnings("unchecked")
    private static String previousHash(Map<String, Object> previousAuth) {
        if (previousAuth == null || !(previousAuth.get("basic") instanceof Map<?, ?> basic)
                || !(basic.get("secretRef") instanceof Map<?, ?> ref)) {
            return null;
        }
        return ref.get("bcrypt") instanceof String hash ? hash : null;
    }

    /** Names the field Jackson could not read, as {@code spec.a.b}, without echoing the whole spec. */
    private static ConfigError unreadable(Exception e) {
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder("spec");
            mismatch.getPath().forEach(ref -> field.append(ref.getFieldName() != null
                    ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
            return new ConfigError(field.toString(), mismatch.getOriginalMessage());
        }
        return new ConfigError("spec", cause.getMessage());
    }
}
