package dev.opsbot.tools.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.policy.PolicyRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesRequestsTest {

    private static PolicyRequest classify(String method, String pathAndQuery) {
        return classify(method, pathAndQuery, List.of("application/json"));
    }

    private static PolicyRequest classify(String method, String pathAndQuery, List<String> accept) {
        return KubernetesRequests.classify(
                method,
                URI.create("https://10.0.0.1:6443" + pathAndQuery),
                "",
                accept,
                "alice@example.com",
                "production");
    }

    /** The request as "action resource namespace name risk", "-" for none. */
    private static String summary(PolicyRequest request) {
        return String.join(
                " ",
                request.action(),
                orDash(request.resource()),
                orDash(request.namespace()),
                orDash(request.name()),
                request.risk().name());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/v1/namespaces/shop/pods                                   | list pods shop - READ
            GET    | /api/v1/namespaces/shop/pods/checkout-1                        | get pods shop checkout-1 READ
            GET    | /api/v1/namespaces/shop/pods?watch=true&resourceVersion=5      | watch pods shop - READ
            GET    | /api/v1/watch/namespaces/shop/pods                             | watch pods shop - READ
            GET    | /api/v1/namespaces/shop/pods/checkout-1/log?container=checkout | get pods/log shop checkout-1 READ
            GET    | /api/v1/nodes                                                  | list nodes - - READ
            GET    | /api/v1/pods                                                   | list pods - - READ
            GET    | /apis/apps/v1/namespaces/shop/deployments/checkout             | get deployments shop checkout READ
            POST   | /api/v1/namespaces/shop/configmaps                             | create configmaps shop - WRITE
            PUT    | /apis/apps/v1/namespaces/shop/deployments/checkout             | update deployments shop checkout WRITE
            PATCH  | /apis/apps/v1/namespaces/shop/deployments/checkout             | patch deployments shop checkout WRITE
            PATCH  | /apis/apps/v1/namespaces/shop/deployments/checkout/scale       | patch deployments/scale shop checkout WRITE
            POST   | /api/v1/namespaces/shop/pods/checkout-1/eviction               | create pods/eviction shop checkout-1 WRITE
            DELETE | /api/v1/namespaces/shop/pods/checkout-1                        | delete pods shop checkout-1 WRITE
            DELETE | /api/v1/namespaces/shop/pods                                   | deletecollection pods shop - DESTRUCTIVE
            DELETE | /api/v1/namespaces/shop                                        | delete namespaces shop shop DESTRUCTIVE
            PUT    | /api/v1/namespaces/shop/finalize                               | update namespaces/finalize shop shop WRITE
            DELETE | /api/v1/namespaces/shop/persistentvolumeclaims/data-pg-0       | delete persistentvolumeclaims shop data-pg-0 DESTRUCTIVE
            DELETE | /api/v1/persistentvolumes/pv-1                                 | delete persistentvolumes - pv-1 DESTRUCTIVE
            DELETE | /apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.io   | delete customresourcedefinitions - x.io DESTRUCTIVE
            DELETE | /api/v1/namespaces/shop?dryRun=All                             | delete namespaces shop shop READ
            PATCH  | /apis/apps/v1/namespaces/shop/deployments/checkout?dryRun=All  | patch deployments shop checkout READ
            GET    | /api/v1/namespaces/shop/pods/checkout-1/exec?command=sh&stdin=true | exec pods/exec shop checkout-1 WRITE
            POST   | /api/v1/namespaces/shop/pods/checkout-1/exec?command=sh        | exec pods/exec shop checkout-1 WRITE
            GET    | /api/v1/namespaces/shop/pods/checkout-1/attach?stdin=true      | attach pods/attach shop checkout-1 WRITE
            GET    | /api/v1/namespaces/shop/pods/checkout-1/portforward?ports=5432 | portforward pods/portforward shop checkout-1 WRITE
            GET    | /api/v1/namespaces/shop/services/checkout:8080/proxy/admin     | proxy services/proxy shop checkout:8080 WRITE
            GET    | /api/v1/nodes/node-1/proxy/metrics                             | proxy nodes/proxy - node-1 WRITE
            GET    | /api/v1/namespaces/shop/secrets/checkout-db                    | get secrets shop checkout-db READ
            GET    | /version                                                       | get /version - - READ
            GET    | /apis/apps/v1                                                  | get /apis/apps/v1 - - READ
            POST   | /logs/evil                                                     | post /logs/evil - - WRITE
            """)
    void eachRequestIsReadAsRbacWould(String method, String path, String expected) {
        assertThat(summary(classify(method, path))).isEqualTo(expected);
    }

    @Test
    void theSystemEnvironmentAndPrincipalAreCarried() {
        PolicyRequest request = classify("GET", "/api/v1/namespaces/shop/pods");

        assertThat(request.system()).isEqualTo("kubernetes");
        assertThat(request.environment()).isEqualTo("production");
        assertThat(request.principal()).isEqualTo("alice@example.com");
    }

    @Test
    void aSecretReadThatAcceptsOnlyMetadataIsSecretsMetadata() {
        assertThat(classify("GET", "/api/v1/namespaces/shop/secrets/db", List.of(MetadataOnly.ACCEPT_OBJECT))
                        .resource())
                .isEqualTo("secrets/metadata");
        assertThat(classify("GET", "/api/v1/namespaces/shop/secrets", List.of(MetadataOnly.ACCEPT_LIST))
                        .resource())
                .isEqualTo("secrets/metadata");
    }

    @Test
    void aSecretReadThatCouldFallBackToTheWholeObjectIsASecretRead() {
        String fabric8sOwn = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,"
                + "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1,application/json";
        String table = "application/json;as=Table;v=v1;g=meta.k8s.io";

        for (String accept : List.of(fabric8sOwn, table, "*/*")) {
            assertThat(classify("GET", "/api/v1/namespaces/shop/secrets/db", List.of(accept))
                            .resource())
                    .as(accept)
                    .isEqualTo("secrets");
        }
        assertThat(classify("GET", "/api/v1/namespaces/shop/secrets/db", List.of())
                        .resource())
                .isEqualTo("secrets");
    }

    @Test
    void aWriteToASecretIsAWriteWhateverItAccepts() {
        PolicyRequest put = classify("PUT", "/api/v1/namespaces/shop/secrets/db", List.of(MetadataOnly.ACCEPT_OBJECT));

        assertThat(summary(put)).isEqualTo("update secrets shop db WRITE");
    }

    @Test
    void theApiServersOwnPathBehindAProxyIsStrippedBeforeReading() {
        PolicyRequest request = KubernetesRequests.classify(
                "DELETE",
                URI.create("https://rancher.example.com/k8s/clusters/c-1/api/v1/namespaces/shop"),
                "/k8s/clusters/c-1/",
                List.of(),
                null,
                "production");

        assertThat(summary(request)).isEqualTo("delete namespaces shop shop DESTRUCTIVE");
    }

    @Test
    void encodedNamesAreDecoded() {
        assertThat(classify("GET", "/api/v1/namespaces/shop/configmaps/a%2Bb").name())
                .isEqualTo("a+b");
    }
}
