package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value of a Secret's data/stringData is redacted, as YAML, as JSON and as a structure; nothing else is. */
class KubernetesSecretTest {
    private static final String PASSWORD_B64 = "cEBzc3cwcmQtbm90LXJhbmRvbQ==";
    private static final String USER_B64 = "YXBw";
    private final Redactor redactor = Redactor.standard();

    @Test
    void aSecretAsKubectlPrintsItLosesEveryDataValueAndKeepsItsMetadata() {
        String yaml = """
                apiVersion: v1
                data:
                  password: cEBzc3cwcmQtbm90LXJhbmRvbQ==
                  username: YXBw
                kind: Secret
                metadata:
                  creationTimestamp: "2026-03-10T02:31:04Z"
                  name: db-creds
                  namespace: shop
                  resourceVersion: "48151623"
                  uid: 5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f
                type: Opaque
                """;

        String redacted = redactor.redact(yaml, Vault.create());

        assertThat(redacted).doesNotContain(PASSWORD_B64).doesNotContain(USER_B64);
        assertThat(redacted)
                .containsPattern("password: \\[\\[secret:kubernetes-secret:[0-9a-f]{8}]]\n")
                .containsPattern("username: \\[\\[secret:kubernetes-secret:[0-9a-f]{8}]]\n")
                .contains(
                        "name: db-creds",
                        "resourceVersion: \"48151623\"",
                        "uid: 5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f",
                        "type: Opaque",
                        "kind: Secret");
    }

    @Test
    void stringDataBlockScalarsQuotedAndFlowValuesAreRedacted() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: app
                stringData:
                  config.yaml: |
                    db:
                      host: db.shop.svc
                      password: plain-words
                  token: "short"
                  other: 'x'
                data: {a: YWFh, b: "YmJi"}
                """;

        String redacted = redactor.redact(yaml, Vault.create());

        assertThat(redacted)
                .doesNotContain("db.shop.svc", "plain-words", "short", "'x'", "YWFh", "YmJi")
                .contains("stringData:\n  config.yaml: |\n", "  token: \"[[secret:", "data: {a: [[secret:")
                .contains("metadata:\n  name: app\n");
    }

    @Test
    void onlyTheSecretsInAListAreRedactedNotItsConfigMaps() {
        String list = """
                apiVersion: v1
                items:
                - apiVersion: v1
                  data:
                    banner: SGVsbG8sIHdvcmxkIQ==
                  kind: ConfigMap
                  metadata:
                    name: web
                - apiVersion: v1
                  data:
                    password: cEBzc3cwcmQtbm90LXJhbmRvbQ==
                  kind: Secret
                  metadata:
                    name: db-creds
                    ownerReferences:
                    - apiVersion: v1
                      kind: Deployment
                  type: Opaque
                - apiVersion: v1
                  data:
                    theme: ZGFyaw==
                  kind: ConfigMap
                  metadata:
                    name: ui
                kind: List
                """;

        String redacted = redactor.redact(list, Vault.create());

        assertThat(redacted)
                .contains("banner: SGVsbG8sIHdvcmxkIQ==", "theme: ZGFyaw==")
                .doesNotContain(PASSWORD_B64);
        assertThat(redacted.lines()
                        .filter(l -> l.contains("[[secret:kubernetes-secret:"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSecretAsJsonWithItsLastAppliedCopyLosesEveryDataValue() {
        String json = """
                {
                    "apiVersion": "v1",
                    "data": {
                        "password": "cEBzc3cwcmQtbm90LXJhbmRvbQ==",
                        "username": "YXBw"
                    },
                    "kind": "Secret",
                    "metadata": {
                        "annotations": {
                            "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"password\\":\\"cEBzc3cwcmQtbm90LXJhbmRvbQ==\\",\\"username\\":\\"YXBw\\"},\\"kind\\":\\"Secret\\",\\"metadata\\":{\\"name\\":\\"db-creds\\"}}\\n"
                        },
                        "name": "db-creds",
                        "uid": "5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f"
                    },
                    "type": "Opaque"
                }
                """;

        String redacted = redactor.redact(json, Vault.create());

        assertThat(redacted)
                .doesNotContain(PASSWORD_B64)
                .doesNotContain("\"YXBw\"")
                .doesNotContain("\\\"YXBw\\\"");
        assertThat(redacted).contains("\"name\": \"db-creds\"", "\"uid\": \"5f0c3b1e-8d2a-4c3b-9e1f-2a3b4c5d6e7f\"");
    }

    @Test
    void aConfigMapAsJsonKeepsItsData() {
        String json = "{\"apiVersion\":\"v1\",\"data\":{\"banner\":\"SGVsbG8sIHdvcmxkIQ==\"},\"kind\":\"ConfigMap\"}";

        assertThat(redactor.redact(json, Vault.create())).isEqualTo(json);
    }

    @Test
    void aSecretAsAJsonTreeLosesItsDataAndSecretFieldsButKeepsTheRest() throws Exception {
        JsonNode list = new ObjectMapper().readTree("""
                {"kind": "List", "items": [
                  {"kind": "Secret", "metadata": {"name": "db", "resourceVersion": "7"},
                   "data": {"password": "cEBzc3cwcmQtbm90LXJhbmRvbQ==", "empty": ""},
                   "stringData": {"token": "abc"}},
                  {"kind": "ConfigMap", "data": {"banner": "SGVsbG8="}},
                  {"env": [{"name": "DB_PASSWORD", "value": "changeme"}], "password": "hunter2",
                   "note": "uses ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5", "replicas": 3}
                ]}
                """);
        Vault vault = Vault.create();

        JsonNode redacted = redactor.redact(list, vault);

        JsonNode secret = redacted.at("/items/0");
        assertThat(secret.at("/data/password").asText()).startsWith("[[secret:kubernetes-secret:");
        assertThat(secret.at("/data/empty").asText()).isEmpty();
        assertThat(secret.at("/stringData/token").asText()).startsWith("[[secret:kubernetes-secret:");
        assertThat(secret.at("/metadata/resourceVersion").asText()).isEqualTo("7");
        assertThat(redacted.at("/items/1/data/banner").asText()).isEqualTo("SGVsbG8=");
        assertThat(redacted.at("/items/2/password").asText()).startsWith("[[secret:password:");
        assertThat(redacted.at("/items/2/note").asText()).startsWith("uses [[secret:github-token:");
        assertThat(redacted.at("/items/2/replicas").asInt()).isEqualTo(3);
        assertThat(list.at("/items/0/data/password").asText())
                .as("input untouched")
                .isEqualTo(PASSWORD_B64);
        assertThat(vault.restore(secret.at("/data/password").asText())).isEqualTo(PASSWORD_B64);
    }

    @Test
    void aSecretAsAMapLosesItsData() {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", "db"));
        secret.put("data", Map.of("password", PASSWORD_B64));
        secret.put("items", List.of("ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"));

        @SuppressWarnings("unchecked")
        Map<String, Object> redacted = (Map<String, Object>) redactor.redactValue(secret, Vault.create());

        assertThat(((Map<?, ?>) redacted.get("data")).get("password").toString())
                .startsWith("[[secret:kubernetes-secret:");
        assertThat(redacted.get("metadata")).isEqualTo(Map.of("name", "db"));
        assertThat(((List<?>) redacted.get("items")).getFirst().toString()).startsWith("[[secret:github-token:");
    }

    @Test
    void aFieldNamedLikeASecretIsRedactedAsAWhole() {
        Vault vault = Vault.create();

        assertThat(redactor.redactField("env.DB_PASSWORD", "changeme", vault)).startsWith("[[secret:password:");
        assertThat(redactor.redactField("env.DB_PASSWORD", "${DB_PASSWORD}", vault))
                .isEqualTo("${DB_PASSWORD}");
        assertThat(redactor.redactField("env.LOG_LEVEL", "debug", vault)).isEqualTo("debug");
        assertThat(redactor.redactField("secretName", "db-creds", vault)).isEqualTo("db-creds");
        String checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(redactor.redactField("annotations.checksum/secret", checksum, vault))
                .isEqualTo(checksum);
    }
}
