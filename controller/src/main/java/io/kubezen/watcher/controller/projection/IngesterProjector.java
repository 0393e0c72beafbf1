package io.kubezen.watcher.controller.projection;

import com.google.gson.JsonObject;
import io.kubezen.watcher.config.AuthSpec;
import io.kubezen.watcher.config.ConfigError;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.IngesterStatus;
import io.kubezen.watcher.config.SecretKeyRef;
import io.kubezen.watcher.config.SourceDefinition;
import io.kubezen.watcher.config.SpecJson;
import io.kubezen.watcher.pipeline.SourceCompiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates one Ingester's spec as the ingester will compile it (the same {@link SourceCompiler}, so both say
 * the same about the same mistake, plus the CRD's cross-field rules) and projects it: each Secret reference
 * becomes a verifier ({@code sha256} for bearer tokens, {@code bcrypt} for basic passwords), or, for HMAC
 * keys, which must be known to verify, a file path under the ingesters' mount of that Secret.
 */
final class IngesterProjector {

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
    ProjectionResult project(String namespace, JsonObject specJson, IngesterSpec previous) {
        IngesterSpec parsed;
        try {
            parsed = SpecJson.read(specJson == null ? "{}" : specJson.toString());
        } catch (SpecJson.UnreadableSpecException e) {
            return ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, List.of(e.error("spec")), false);
        }
        ConfigErrors errors = new ConfigErrors();
        CrossFieldRules.check(parsed, errors);
        List<ConfigError> all = new ArrayList<>(errors.list());
        all.addAll(compiler.validate(SourceDefinition.of(parsed, parsed.webhook() == null ? null : parsed.webhook().limits())));
        if (!all.isEmpty()) {
            return ProjectionResult.invalid(IngesterStatus.REASON_INVALID_SPEC, all, false);
        }
        AuthSpec auth = parsed.webhook() == null ? null : parsed.webhook().auth();
        if (auth == null || auth.mode() == null) {
            return ProjectionResult.valid(parsed);
        }
        ConfigErrors missing = new ConfigErrors();
        Optional<SecretKeyRef> verifier = verifier(namespace, auth, previousHash(previous), missing);
        if (!missing.isEmpty()) {
            return ProjectionResult.invalid(ProjectionResult.REASON_SECRET_UNAVAILABLE, missing.list(), true);
        }
        return ProjectionResult.valid(verifier.map(ref -> parsed.withAuth(auth.withSecretRef(ref))).orElse(parsed));
    }

    /** What replaces the mode's Secret reference; empty for modes without a Secret. */
    private Optional<SecretKeyRef> verifier(String namespace, AuthSpec auth, String previousHash, ConfigErrors missing) {
        return switch (auth.mode()) {
            case BEARER -> read(namespace, auth.bearer().secretRef(), "bearer", missing)
                    .map(tokens -> SecretKeyRef.sha256(verifiers.sha256(tokens)));
            case BASIC -> read(namespace, auth.basic().secretRef(), "basic", missing)
                    .map(password -> SecretKeyRef.bcrypt(verifiers.bcrypt(password, previousHash)));
            case HMAC -> read(namespace, auth.hmac().secretRef(), "hmac", missing).map(key -> {
                SecretKeyRef ref = auth.hmac().secretRef();
                return SecretKeyRef.file(hmacSecretsDir.resolve(ref.name()).resolve(ref.key()).toString());
            });
            case NONE, CLIENT_CERT -> Optional.empty();
        };
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

    private static String previousHash(IngesterSpec previous) {
        AuthSpec auth = previous == null || previous.webhook() == null ? null : previous.webhook().auth();
        return auth == null || auth.basic() == null || auth.basic().secretRef() == null
                ? null : auth.basic().secretRef().bcrypt();
    }
}
