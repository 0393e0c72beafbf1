package io.kubezen.watcher.source.kubeaudit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSeverityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "denied write to secrets,    delete, -,                         secrets,     -,      403, -,      medium",
            "unauthenticated,            get,    -,                         pods,        -,      401, -,      medium",
            "authorizer forbid,          get,    -,                         pods,        -,      -,   forbid, medium",
            "secret created,             create, -,                         secrets,     -,      201, allow,  high",
            "rolebinding patched,        patch,  rbac.authorization.k8s.io, rolebindings, -,     200, allow,  high",
            "exec into pod,              create, -,                         pods,        exec,   101, allow,  high",
            "port-forward,               create, -,                         pods,        portforward, 101, -, high",
            "secret read,                get,    -,                         secrets,     -,      200, allow,  low",
            "secret list,                list,   -,                         secrets,     -,      200, -,      low",
            "configmap update,           update, -,                         configmaps,  -,      200, -,      low",
            "pod status update,          patch,  -,                         pods,        status, 200, -,      low",
            "pod read,                   get,    -,                         pods,        -,      200, -,      -",
            "non-resource request,       get,    -,                         -,           -,      200, -,      -"})
    void appliesTheFirstMatchingRule(String name, String verb, String group, String resource, String subresource,
                                     Integer code, String decision, String expected) {
        assertThat(AuditSeverity.of(verb, group, resource, subresource, code, decision)).isEqualTo(expected);
    }
}
