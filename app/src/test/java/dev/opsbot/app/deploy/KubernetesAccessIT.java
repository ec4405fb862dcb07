package dev.opsbot.app.deploy;

import static dev.opsbot.app.deploy.KubernetesManifestsIT.OVERLAYS;
import static dev.opsbot.app.deploy.KubernetesManifestsIT.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What opsbot may use and reads in every overlay of deploy/kubernetes: credentials only by reference to a Secret,
 * its own AWS role through IRSA, impersonation of named users and groups only (docs/identity.md), and an
 * opsbot.yaml free of secrets that opsbot itself accepts with the environment the pod gets.
 */
class KubernetesAccessIT {
    private static final List<String> REQUIRED_SECRETS =
            List.of("OPSBOT_DATABASE_URL", "OPSBOT_DATABASE_USER", "OPSBOT_DATABASE_PASSWORD");
    private static final List<String> OPTIONAL_SECRETS = List.of(
            "SLACK_BOT_TOKEN",
            "SLACK_SIGNING_SECRET",
            "MICROSOFT_APP_ID",
            "MICROSOFT_APP_PASSWORD",
            "MICROSOFT_APP_TENANT_ID",
            "OPSBOT_CONSOLE_TOKEN");
    /** Config keys and Secret keys whose values are credentials. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|token|secret|api_?key)");

    private static final String IRSA = "eks.amazonaws.com/role-arn";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void credentialsComeFromASecretByReference(String name) {
        Map<String, JsonNode> refs = Kustomize.overlay(name).secretRefs();

        assertThat(refs).containsKeys(REQUIRED_SECRETS.toArray(String[]::new));
        assertThat(refs).containsKeys(OPTIONAL_SECRETS.toArray(String[]::new));
        refs.forEach((variable, ref) -> assertThat(ref.path("key").asText()).isEqualTo(variable));
        // without the database each replica would quietly fall back to an H2 file of its own
        REQUIRED_SECRETS.forEach(
                variable -> assertThat(refs.get(variable).path("optional").asBoolean(false))
                        .as(variable)
                        .isFalse());
        OPTIONAL_SECRETS.forEach(
                variable -> assertThat(refs.get(variable).path("optional").asBoolean())
                        .as(variable)
                        .isTrue());
    }

    @Test
    void productionLeavesTheSecretToTheCluster() {
        assertThat(Kustomize.overlay("production").all("Secret")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void thePodsServiceAccountCarriesAnIrsaRole(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        String account = overlay.podSpec().path("serviceAccountName").asText();

        JsonNode serviceAccount = overlay.named("ServiceAccount", account).orElseThrow();

        assertThat(serviceAccount
                        .path("metadata")
                        .path("annotations")
                        .path(IRSA)
                        .asText())
                .matches(ROLE_ARN);
    }

    @Test
    void productionSetsARoleOfItsOwn() {
        JsonNode serviceAccount = Kustomize.overlay("production").one("ServiceAccount");

        assertThat(serviceAccount
                        .path("metadata")
                        .path("annotations")
                        .path(IRSA)
                        .asText())
                .as("not the base's placeholder account")
                .doesNotContain("000000000000");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void theBotMayImpersonateOnlyNamedUsersAndGroups(String name) {
        RenderedOverlay overlay = Kustomize.overlay(name);
        JsonNode role = overlay.one("ClusterRole");
        JsonNode binding = overlay.one("ClusterRoleBinding");
        JsonNode subject = binding.path("subjects").get(0);

        assertThat(role.path("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(texts(rule.path("verbs"))).containsExactly("impersonate");
            assertThat(texts(rule.path("apiGroups"))).containsExactly("");
            assertThat(texts(rule.path("resources"))).isSubsetOf("users", "groups");
            // no resourceNames would allow every name, system:masters included
            assertThat(texts(rule.path("resourceNames"))).isNotEmpty().noneMatch(n -> n.startsWith("system:"));
        });
        assertThat(binding.path("roleRef").path("name").asText())
                .isEqualTo(role.path("metadata").path("name").asText());
        assertThat(binding.path("subjects")).hasSize(1);
        assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
        assertThat(subject.path("name").asText())
                .isEqualTo(overlay.podSpec().path("serviceAccountName").asText());
        assertThat(subject.path("namespace").asText()).isEqualTo(overlay.namespace());
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void opsbotAcceptsItsConfigurationWithThePodsEnvironment(String name, @TempDir Path dir) {
        RenderedOverlay overlay = Kustomize.overlay(name);

        OpsbotConfig config = load(overlay, dir);

        assertThat(texts(overlay.container().path("args")))
                .containsExactly("serve", "--config", RenderedOverlay.CONFIG_DIR + "/opsbot.yaml");
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.database().url()).startsWith("jdbc:postgresql://");
        assertThat(overlay.emptyDirMounts())
                .contains(config.database().dataDir().toString());
        assertThat(config.sources().kubernetes().enabled()).isTrue();
        assertThat(config.sources().kubernetes().impersonate()).isTrue();
        assertThat(overlay.podSpec().path("terminationGracePeriodSeconds").asLong())
                .as("the kubelet must wait longer than server.shutdownGrace before it kills a stopping replica")
                .isGreaterThan(config.server().shutdownGrace().toSeconds());
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void theConfigurationFileHoldsNoSecretValue(String name) throws IOException {
        RenderedOverlay overlay = Kustomize.overlay(name);
        String file = overlay.configFile();

        List<String> written = new ArrayList<>();
        collectWrittenSecrets(new YAMLMapper().readTree(file), "", written);

        assertThat(written)
                .as("secret keys in opsbot.yaml may only be empty or a ${VAR} reference")
                .isEmpty();
        for (JsonNode secret : overlay.all("Secret")) {
            overlay.secret(secret.path("metadata").path("name").asText())
                    .orElseThrow()
                    .forEach((key, value) -> {
                        if (SECRET_NAME.matcher(key).matches()) {
                            assertThat(file).as(key).doesNotContain(value);
                        }
                    });
        }
    }

    @Test
    void devBringsItsOwnPostgresqlAndTurnsTheConsoleOn(@TempDir Path dir) {
        RenderedOverlay dev = Kustomize.overlay("dev");

        OpsbotConfig config = load(dev, dir);

        assertThat(dev.named("StatefulSet", "opsbot-postgresql")).isPresent();
        assertThat(dev.named("Service", "opsbot-postgresql")).isPresent();
        assertThat(config.database().url()).startsWith("jdbc:postgresql://opsbot-postgresql:5432/");
        assertThat(config.console().enabled()).isTrue();
        assertThat(config.server().consoleToken()).isNotNull();
    }

    @Test
    void productionKeepsTheConsoleOff(@TempDir Path dir) {
        assertThat(load(Kustomize.overlay("production"), dir).console().enabled())
                .isFalse();
    }

    private static OpsbotConfig load(RenderedOverlay overlay, Path dir) {
        try {
            Path file = Files.writeString(dir.resolve("opsbot.yaml"), overlay.configFile());
            return ConfigLoader.load(file, PodEnvironment.of(overlay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys named like a secret with a value other than a ${VAR} reference, and URLs with a password in them. */
    private static void collectWrittenSecrets(JsonNode node, String path, List<String> written) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectWrittenSecrets(node.get(i), path + "[" + i + "]", written);
            }
            return;
        }
        node.properties().forEach(entry -> {
            String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode value = entry.getValue();
            String text = value.asText();
            if (value.isContainerNode()) {
                collectWrittenSecrets(value, key, written);
            } else if (SECRET_NAME.matcher(entry.getKey()).matches()
                    && !value.isNull()
                    && !text.isEmpty()
                    && !text.matches("\\$\\{[A-Z0-9_]+(:-)?}")) {
                written.add(key);
            } else if (text.matches("(?i)[a-z][a-z0-9+.-]*:.*//[^/@:]+:[^/@]+@.*")) {
                written.add(key + " (a URL with a password)");
            }
        });
    }
}
