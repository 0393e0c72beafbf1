package io.kubezen.watcher.controller.projection;

import io.kubezen.watcher.config.AuthMode;
import io.kubezen.watcher.config.AuthSpec;
import io.kubezen.watcher.config.ConfigErrors;
import io.kubezen.watcher.config.IngesterSpec;
import io.kubezen.watcher.config.SourceType;

import java.util.EnumMap;
import java.util.Map;

/**
 * The CRD's {@code x-kubernetes-validations} rules, checked again here: an API server without CEL validation
 * (or an object stored before the rule existed) lets them through, and the ingester refuses what breaks them.
 */
final class CrossFieldRules {

    private static final String AUTH = "spec.webhook.auth.";

    private CrossFieldRules() {
    }

    static void check(IngesterSpec spec, ConfigErrors errors) {
        boolean informerType = spec.type() == SourceType.INFORMER;
        if (informerType && spec.informer() == null) {
            errors.add("spec.informer", "is required for type informer");
        }
        if (!informerType && spec.informer() != null) {
            errors.add("spec.informer", "is only allowed for type informer");
        }
        if (informerType && spec.webhook() != null) {
            errors.add("spec.webhook", "is not allowed for type informer");
        }
        boolean logsType = spec.type() == SourceType.LOGS;
        if (logsType && spec.logs() == null) {
            errors.add("spec.logs", "is required for type logs");
        }
        if (!logsType && spec.logs() != null) {
            errors.add("spec.logs", "is only allowed for type logs");
        }
        if (logsType && spec.webhook() != null) {
            errors.add("spec.webhook", "is not allowed for type logs");
        }
        AuthSpec auth = spec.webhook() == null ? null : spec.webhook().auth();
        if (auth != null) {
            checkModeSections(auth, errors);
        }
    }

    private static void checkModeSections(AuthSpec auth, ConfigErrors errors) {
        if (auth.mode() == null) {
            errors.add(AUTH + "mode", "is required");
            return;
        }
        Map<AuthMode, Object> sections = new EnumMap<>(AuthMode.class);
        sections.put(AuthMode.BEARER, auth.bearer());
        sections.put(AuthMode.BASIC, auth.basic());
        sections.put(AuthMode.HMAC, auth.hmac());
        sections.put(AuthMode.CLIENT_CERT, auth.clientCert());
        sections.forEach((mode, section) -> {
            if (mode == auth.mode() && section == null) {
                errors.add(AUTH + mode.wireName(), "is required when " + AUTH + "mode is " + mode.wireName());
            } else if (mode != auth.mode() && section != null) {
                // The ingester refuses it too: a section for another mode is most likely a mode meant but not set.
                errors.add(AUTH + mode.wireName(), "is set but " + AUTH + "mode is " + auth.mode().wireName());
            }
        });
        if (auth.bearer() != null && auth.bearer().secretRef() == null && auth.mode() == AuthMode.BEARER) {
            errors.add(AUTH + "bearer.secretRef", "is required");
        }
        if (auth.basic() != null && auth.mode() == AuthMode.BASIC) {
            if (auth.basic().secretRef() == null) {
                errors.add(AUTH + "basic.secretRef", "is required");
            }
            if (auth.basic().username() == null || auth.basic().username().isEmpty()
                    || auth.basic().username().indexOf(':') >= 0) {
                errors.add(AUTH + "basic.username", "is required and may not contain ':'");
            }
        }
        if (auth.hmac() != null && auth.hmac().secretRef() == null && auth.mode() == AuthMode.HMAC) {
            errors.add(AUTH + "hmac.secretRef", "is required");
        }
    }
}
