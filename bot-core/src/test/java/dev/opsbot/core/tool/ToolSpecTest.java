package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ToolSpec spec(String name, String domain, JsonNode parameters) {
        return new ToolSpec(name, domain, "for the model", "for people", parameters, Risk.READ);
    }

    private static final JsonNode OBJECT = schema("{\"type\":\"object\",\"properties\":{}}");

    @ParameterizedTest
    @ValueSource(strings = {"kubernetes.list_pods", "prometheus.query", "k8s.get_logs2", "argocd.app_history"})
    void aDomainDotVerbNounNameIsAccepted(String name) {
        String domain = name.substring(0, name.indexOf('.'));

        assertThat(spec(name, domain, OBJECT).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kubernetes",
                "Kubernetes.list_pods",
                "kubernetes.list-pods",
                "kubernetes.ListPods",
                "kubernetes.list.pods",
                "kubernetes._list",
                "1kubernetes.list",
                ".list_pods",
                "kubernetes.",
                "kubernetes list_pods"
            })
    void aNameNotShapedDomainDotVerbNounIsRefusedSayingTheShape(String name) {
        assertThatThrownBy(() -> spec(name, "kubernetes", OBJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("domain.verb_noun");
    }

    @Test
    void aNameOutsideItsDomainIsRefused() {
        assertThatThrownBy(() -> spec("kubernetes.list_pods", "prometheus", OBJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with its domain 'prometheus'");
    }

    @Test
    void aDomainThatIsOnlyAPrefixOfTheNamesDomainIsRefused() {
        assertThatThrownBy(() -> spec("kubernetes.list_pods", "kube", OBJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain 'kube'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"array\"}", "{\"properties\":{}}", "{\"type\":\"string\"}", "[]", "{}"})
    void parametersThatAreNotAnObjectSchemaAreRefused(String parameters) {
        assertThatThrownBy(() -> spec("kubernetes.list_pods", "kubernetes", schema(parameters)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON schema of type object");
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new ToolSpec("kubernetes.list_pods", "kubernetes", "m", "h", OBJECT, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("risk");
        assertThatThrownBy(() -> new ToolSpec("kubernetes.list_pods", "kubernetes", null, "h", OBJECT, Risk.READ))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("modelDescription");
    }
}
