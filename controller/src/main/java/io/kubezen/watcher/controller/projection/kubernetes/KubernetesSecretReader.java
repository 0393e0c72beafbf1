package io.kubezen.watcher.controller.projection.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubezen.watcher.controller.projection.SecretForbiddenException;
import io.kubezen.watcher.controller.projection.SecretReader;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads Secrets with a GET per call: they are read only when an Ingester changes, so no Secret cache is kept. */
public final class KubernetesSecretReader implements SecretReader {

    private final CoreV1Api api;

    public KubernetesSecretReader(ApiClient client) {
        this.api = new CoreV1Api(client);
    }

    @Override
    public Optional<String> read(String namespace, String name, String key) {
        try {
            V1Secret secret = api.readNamespacedSecret(name, namespace).execute();
            byte[] value = secret.getData() == null ? null : secret.getData().get(key);
            if (value == null && secret.getStringData() != null) {
                return Optional.ofNullable(secret.getStringData().get(key));
            }
            return Optional.ofNullable(value).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                throw new SecretForbiddenException("the controller may not read Secret " + namespace + "/" + name
                        + ": grant it get on Secrets in " + namespace
                        + " (Helm chart: controller.rbac.secretNamespaces, controller.rbac.secretNames)");
            }
            // Never the response body: an error page could quote the Secret.
            throw new IllegalStateException("Reading Secret " + namespace + "/" + name + " failed with HTTP "
                    + e.getCode(), e.getCode() == 0 ? e : null);
        }
    }
}
