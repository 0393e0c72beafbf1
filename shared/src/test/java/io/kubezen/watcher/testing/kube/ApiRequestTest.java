package io.kubezen.watcher.testing.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiRequestTest {

    private static final ResourceRegistry REGISTRY = new ResourceRegistry(List.of(SchemaFixture.WIDGETS));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/api/v1/namespaces                                | namespaces | -  | -   | -",
            "/api/v1/namespaces/ns                             | namespaces | -  | ns  | -",
            "/api/v1/namespaces/ns/status                      | namespaces | -  | ns  | status",
            "/api/v1/configmaps                                | configmaps | -  | -   | -",
            "/api/v1/namespaces/ns/configmaps                  | configmaps | ns | -   | -",
            "/api/v1/namespaces/ns/configmaps/a                | configmaps | ns | a   | -",
            "/apis/coordination.k8s.io/v1/namespaces/ns/leases/l | leases   | ns | l   | -",
            "/apis/example.io/v1/widgets                       | widgets    | -  | -   | -",
            "/api/v1/namespaces/ns/pods/p/log                  | pods       | ns | p   | log",
            "/apis/example.io/v1/namespaces/ns/widgets/w/status/ | widgets  | ns | w   | status"})
    void routesLikeTheApiServer(String path, String plural, String namespace, String name, String subresource) {
        ApiRequest request = ApiRequest.parse(path, null, REGISTRY);

        assertThat(request.type().plural()).isEqualTo(plural);
        assertThat(request.namespace()).isEqualTo(namespace);
        assertThat(request.name()).isEqualTo(name);
        assertThat(request.subresource()).isEqualTo(subresource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/services", "/apis/example.io/v2/widgets", "/api/v1/configmaps/a",
            "/api/v1/namespaces/ns/configmaps/a/status", "/api/v1/namespaces/ns/configmaps/a/log", "/api/v1/namespaces/ns/configmaps/a/b/c", "/healthz",
            "/apis/example.io/v1/namespaces/ns/widgets/w/scale"})
    void unknownPathsAreNotFound(String path) {
        ApiError error = catchThrowableOfType(ApiError.class, () -> ApiRequest.parse(path, null, REGISTRY));

        assertThat(error.code()).isEqualTo(404);
    }

    @Test
    void decodesTheQuery() {
        ApiRequest request = ApiRequest.parse("/api/v1/configmaps", "labelSelector=app%3Dweb%2Ctier+in+%28a%29&watch",
                REGISTRY);

        assertThat(request.query()).containsEntry("labelSelector", "app=web,tier in (a)").containsEntry("watch", "");
    }
}
