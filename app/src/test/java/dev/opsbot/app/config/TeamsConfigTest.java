package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.teams.TeamsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The teams section: the registration, the Bot Connector's URLs and the reaction mapping, read and checked. */
class TeamsConfigTest {
    private static final String APP_ID = "8c2a6f1e-5b7d-4e3a-9f0c-1d2e3f4a5b6c";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @TempDir
    Path dir;

    private TeamsConfig read(String teamsSection) {
        return ConfigFixtures.loadYaml(dir, "teams:\n" + teamsSection.indent(2)).teams();
    }

    @Test
    void noSectionLeavesTeamsOffWithThePublicCloudsUrlsAndLikeApproving() {
        TeamsConfig config = ConfigFixtures.loadYaml(dir, "{}").teams();

        assertThat(config).isEqualTo(TeamsConfig.defaults());
        assertThat(config.configured()).isFalse();
        assertThat(config.openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(config.tokenUrl()).isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
        assertThat(config.reactions()).isEqualTo(Map.of("like", "white_check_mark"));
        assertThatThrownBy(config::settings)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Teams is not configured: teams.appId is not set");
    }

    @Test
    void singleTenantBotGetsItsTokensFromItsTenantAndTheAdapterGetsEverything() {
        TeamsConfig config = read("""
                appId: %s
                appPassword: "s3cr3t~value.From_Azure"
                tenantId: %s
                """.formatted(APP_ID, TENANT));

        TeamsSettings settings = config.settings();

        assertThat(settings.appId()).isEqualTo(APP_ID);
        assertThat(settings.appPassword()).isEqualTo("s3cr3t~value.From_Azure");
        assertThat(settings.tenantId()).isEqualTo(TENANT);
        assertThat(settings.openIdMetadataUrl()).isEqualTo(TeamsSettings.BOT_CONNECTOR_OPENID_METADATA);
        assertThat(settings.tokenUrl())
                .isEqualTo(URI.create("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(settings.reactions()).isEqualTo(Map.of("like", "white_check_mark"));
    }

    @Test
    void theClientSecretIsNeverPrinted() {
        TeamsConfig config = read("appId: %s\nappPassword: s3cr3t-value\n".formatted(APP_ID));

        assertThat(config.toString()).contains(APP_ID).doesNotContain("s3cr3t");
        assertThat(config.settings().toString()).contains(APP_ID).doesNotContain("s3cr3t");
    }

    @Test
    void urlsWrittenForASovereignCloudOrATestReplaceTheDefaults() {
        TeamsConfig config = read("""
                appId: %s
                appPassword: s3cr3t
                tenantId: %s
                openIdMetadataUrl: https://login.botframework.azure.us/v1/.well-known/openidconfiguration
                tokenUrl: http://127.0.0.1:8089/token
                """.formatted(APP_ID, TENANT));

        assertThat(config.settings().openIdMetadataUrl())
                .isEqualTo(URI.create("https://login.botframework.azure.us/v1/.well-known/openidconfiguration"));
        assertThat(config.settings().tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/token"));
    }

    @Test
    void environmentVariablesSetTheRegistration() {
        Map<String, String> env = Map.of(
                "MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", "env-secret",
                "MICROSOFT_APP_TENANT_ID", "contoso.onmicrosoft.com");

        TeamsSettings settings =
                ConfigLoader.load(ConfigFixtures.write(dir, "{}"), env).teams().settings();

        assertThat(settings.appId()).isEqualTo(APP_ID);
        assertThat(settings.appPassword()).isEqualTo("env-secret");
        assertThat(settings.tokenUrl())
                .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    }

    @Test
    void reactionsWrittenReplaceTheDefault() {
        TeamsConfig config = read("""
                reactions:
                  heart: white_check_mark
                  angry: x
                """);

        assertThat(config.reactions())
                .as("like no longer approves once the mapping is written")
                .isEqualTo(Map.of("heart", "white_check_mark", "angry", "x"));
    }

    @Test
    void everyTeamsReactionTypeCanBeMapped() {
        TeamsConfig config = read("""
                reactions: {like: white_check_mark, heart: "+1", laugh: tada, surprised: eyes, sad: "-1", angry: x}
                """);

        assertThat(config.reactions()).containsOnlyKeys(TeamsConfig.REACTION_TYPES);
        assertThat(config.reactions()).containsEntry("heart", "+1").containsEntry("sad", "-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            reactions: {thumbsup: white_check_mark} | teams.reactions.thumbsup: is not a known key; the keys under teams.reactions are like, heart, laugh, surprised, sad, angry
            reactions: {Like: white_check_mark}     | teams.reactions.Like: is not a known key; did you mean teams.reactions.like?
            reactions: [like]                       | teams.reactions: is not a mapping; write the keys of teams.reactions indented on the lines below it
            reactions: {like: ':white_check_mark:'} | teams.reactions.like: ":white_check_mark:" is not a reaction short name; name the reaction opsbot's approval flow reads, without colons: white_check_mark, x
            reactions: {like: Approve}              | teams.reactions.like: "Approve" is not a reaction short name; name the reaction opsbot's approval flow reads, without colons: white_check_mark, x
            openIdMetadataUrl: login.botframework.com/v1 | teams.openIdMetadataUrl: "login.botframework.com/v1" is not an http(s) URL; use a full URL such as https://login.botframework.com/v1/.well-known/openidconfiguration
            tokenUrl: ftp://login.example/token     | teams.tokenUrl: "ftp://login.example/token" is not an http(s) URL; use a full URL such as https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token
            tenantId: contoso/evil                  | teams.tenantId: "contoso/evil" is not a tenant id; use the directory (tenant) id, a GUID, or its domain such as contoso.onmicrosoft.com; leave it unset for a multi-tenant bot
            app_password: s3cr3t                    | teams.app_password: is not a known key; did you mean teams.appPassword?
            """)
    void mistakesAreRefusedWithTheKeyAndTheFix(String teamsSection, String message) {
        assertThatThrownBy(() -> read(teamsSection))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void aConfigBuiltInCodeIsCheckedLikeTheFile() {
        assertThatThrownBy(() -> new TeamsConfig(APP_ID, new Secret("s3cr3t"), null, null, null, Map.of("wow", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("teams.reactions.wow: is not a Teams reaction type; use one of like, heart, laugh,"
                        + " surprised, sad, angry");
    }
}
