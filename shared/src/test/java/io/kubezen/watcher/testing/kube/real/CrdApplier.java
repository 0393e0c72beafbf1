package io.kubezen.watcher.testing.kube.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionCondition;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates or replaces CustomResourceDefinitions from YAML (documents of other kinds are skipped) and waits until
 * each is {@code Established}, i.e. served (a resource created before that is answered 404), and its storage is
 * ready: for a moment after that, a real server answers a list with 429 "storage is (re)initializing".
 */
public final class CrdApplier {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final DynamicKubernetesApi crds;
    private final ApiextensionsV1Api api;
    private final CustomObjectsApi custom;
    private final Duration establishedTimeout;

    public CrdApplier(ApiClient client, Duration establishedTimeout) {
        this.crds = new DynamicKubernetesApi("apiextensions.k8s.io", "v1", "customresourcedefinitions", client);
        this.api = new ApiextensionsV1Api(client);
        this.custom = new CustomObjectsApi(client);
        this.establishedTimeout = establishedTimeout;
    }

    /** Every {@code *.yaml} file of {@code directory}. */
    public void applyDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    apply(in, file.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classpath resource, such as a CRD fixture in a test-jar. */
    public void applyResource(String resource) {
        try (InputStream in = CrdApplier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            apply(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(InputStream yaml, String origin) throws IOException {
        List<String> names = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "CustomResourceDefinition".equals(document.path("kind").asText())) {
                    names.add(createOrReplace(document, origin));
                }
            }
        }
        for (String name : names) {
            awaitEstablished(name);
        }
    }

    /**
     * Sent as the YAML's own JSON: through client-java's typed model, integers in schemas (items of type Object)
     * would go out as {@code 63.0}, which the server refuses.
     */
    private String createOrReplace(JsonNode document, String origin) {
        String name = document.path("metadata").path("name").asText();
        DynamicKubernetesObject crd = new DynamicKubernetesObject(JsonParser.parseString(document.toString())
                .getAsJsonObject());
        KubernetesApiResponse<DynamicKubernetesObject> created = crds.create(crd);
        if (created.getHttpStatusCode() == HttpURLConnection.HTTP_CONFLICT) {
            KubernetesApiResponse<DynamicKubernetesObject> existing = crds.get(name);
            crd.getMetadata().setResourceVersion(existing.getObject().getMetadata().getResourceVersion());
            created = crds.update(crd);
        }
        if (!created.isSuccess()) {
            throw new IllegalStateException("CRD " + name + " of " + origin + " was refused: HTTP "
                    + created.getHttpStatusCode() + " " + created.getStatus());
        }
        return name;
    }

    private boolean listable(V1CustomResourceDefinition crd) {
        String version = crd.getSpec().getVersions().stream().filter(v -> v.getServed()).findFirst().orElseThrow()
                .getName();
        try {
            custom.listClusterCustomObject(crd.getSpec().getGroup(), version, crd.getSpec().getNames().getPlural())
                    .limit(1).execute();
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 429 || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw new IllegalStateException("listing " + crd.getMetadata().getName() + " failed: HTTP " + e.getCode(), e);
        }
    }

    private void awaitEstablished(String name) {
        long deadline = System.nanoTime() + establishedTimeout.toNanos();
        try {
            while (System.nanoTime() - deadline < 0) {
                V1CustomResourceDefinition crd = api.readCustomResourceDefinition(name).execute();
                List<V1CustomResourceDefinitionCondition> conditions = crd.getStatus() == null
                        || crd.getStatus().getConditions() == null ? List.of() : crd.getStatus().getConditions();
                if (conditions.stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))
                        && listable(crd)) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (ApiException e) {
            throw new IllegalStateException("reading CRD " + name + " failed: HTTP " + e.getCode(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CRD " + name, e);
        }
        throw new IllegalStateException("CRD " + name + " not established within " + establishedTimeout);
    }
}
