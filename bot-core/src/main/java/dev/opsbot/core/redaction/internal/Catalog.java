package dev.opsbot.core.redaction.internal;

import static dev.opsbot.core.redaction.internal.TokenDetector.keyed;
import static dev.opsbot.core.redaction.internal.TokenDetector.prefixed;
import static dev.opsbot.core.redaction.internal.TokenDetector.shaped;

import dev.opsbot.core.redaction.Detector;
import java.util.ArrayList;
import java.util.List;

/**
 * Every detector opsbot ships, grouped as docs/redaction.md lists them. Token formats follow the vendors' own
 * documentation; bodies are bounded and quantifiers possessive (see {@link TokenDetector}).
 */
public final class Catalog {
    private static final String B64URL = "[A-Za-z0-9_-]";
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private Catalog() {}

    public static List<Detector> all() {
        List<Detector> all = new ArrayList<>();
        all.addAll(cloud());
        all.addAll(sourceControl());
        all.addAll(chat());
        all.addAll(payments());
        all.addAll(observability());
        all.addAll(modelVendors());
        all.addAll(registriesAndPlatforms());
        all.addAll(structures());
        return List.copyOf(all);
    }

    static List<Detector> cloud() {
        return List.of(
                new AwsKeys(),
                keyed(
                                "aws-secret-access-key",
                                List.of(
                                        "aws_secret_access_key",
                                        "aws-secret-access-key",
                                        "secretaccesskey",
                                        "secret_access_key",
                                        "aws_secret_key"),
                                "[A-Za-z0-9/+]{40}",
                                40)
                        .accepting(secret -> !AwsKeys.isExample(secret))
                        .at(Detector.SPECIFIC),
                keyed(
                                "aws-session-token",
                                List.of("aws_session_token", "sessiontoken", "session_token", "x-amz-security-token"),
                                "[A-Za-z0-9/+=%]{100,4096}+",
                                4096)
                        .at(Detector.SPECIFIC),
                prefixed(
                        "aws-session-token",
                        List.of("IQoJb3JpZ2luX2", "FwoGZXIvYXdzE"),
                        "[A-Za-z0-9/+=]{80,4096}+",
                        4200),
                prefixed("google-api-key", "AIza", "[0-9A-Za-z_-]{35}", 40),
                prefixed("google-oauth-client-secret", "GOCSPX-", "[A-Za-z0-9_-]{28}", 40),
                prefixed("google-oauth-access-token", "ya29.", "[0-9A-Za-z_-]{20,2048}+", 2060),
                prefixed("google-oauth-refresh-token", "1//0", "[0-9A-Za-z_-]{40,512}+", 520),
                keyed("azure-storage-key", List.of("accountkey="), "[A-Za-z0-9+/]{86}==", 90),
                keyed("azure-shared-access-key", List.of("sharedaccesskey="), "[A-Za-z0-9+/]{42,44}=", 50),
                shaped("azure-sas-token", "sig=", 1, "[?&;]sig=([A-Za-z0-9%+/]{30,200}+(?:=|%3[dD]){0,2}+)", 220),
                shaped(
                        "azure-client-secret",
                        "q~",
                        4,
                        "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}+(?![A-Za-z0-9_~.-])",
                        40),
                prefixed("alibaba-access-key-id", "LTAI", "[A-Za-z0-9]{12,20}+", 24),
                prefixed("tencent-secret-id", "AKID", "[A-Za-z0-9]{32}", 36),
                prefixed("digitalocean-token", "dop_v1_", "[a-f0-9]{64}", 72),
                prefixed("digitalocean-oauth-token", List.of("doo_v1_", "dor_v1_"), "[a-f0-9]{64}", 72),
                prefixed("heroku-api-key", "HRKU-", "[A-Za-z0-9_-]{30,80}+", 86),
                keyed("heroku-api-key", List.of("heroku_api_key", "heroku-api-key", "herokuapikey"), UUID, 36),
                prefixed("databricks-token", "dapi", "[a-f0-9]{32}(?:-[0-9])?", 40),
                prefixed("vault-token", List.of("hvs.", "hvb.", "hvr."), "[A-Za-z0-9_-]{24,400}+", 410),
                shaped(
                        "terraform-cloud-token",
                        ".atlasv1.",
                        14,
                        "(?<![A-Za-z0-9])[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,90}+(?![A-Za-z0-9_=-])",
                        100),
                prefixed(
                        "doppler-token",
                        List.of("dp.st.", "dp.pt.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."),
                        "[A-Za-z0-9_.-]{40,64}+",
                        80),
                prefixed("pulumi-access-token", "pul-", "[a-f0-9]{40}", 44),
                prefixed("flyio-token", List.of("fm1r_", "fm2_"), "[A-Za-z0-9+/=_-]{40,1024}+", 1040),
                prefixed("supabase-token", "sbp_", "[a-f0-9]{40}", 44),
                prefixed(
                        "planetscale-token",
                        List.of("pscale_tkn_", "pscale_pw_", "pscale_oauth_"),
                        "[A-Za-z0-9_=.-]{32,64}+",
                        80),
                shaped("okta-api-token", "ssws ", 0, "SSWS\\s++(00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])", 60),
                prefixed("onepassword-service-account-token", "ops_eyJ", "[A-Za-z0-9+/=_-]{100,2000}+", 2010),
                prefixed("age-secret-key", "AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", 80));
    }

    static List<Detector> sourceControl() {
        return List.of(
                prefixed("github-token", "ghp_", "[A-Za-z0-9]{36}", 40),
                prefixed("github-oauth-token", "gho_", "[A-Za-z0-9]{36}", 40),
                prefixed("github-user-token", "ghu_", "[A-Za-z0-9]{36}", 40),
                prefixed("github-app-token", "ghs_", "[A-Za-z0-9]{36}", 40),
                prefixed("github-refresh-token", "ghr_", "[A-Za-z0-9]{36,76}+", 80),
                prefixed("github-fine-grained-token", "github_pat_", "[A-Za-z0-9_]{70,100}+", 112),
                prefixed("gitlab-token", "glpat-", "[A-Za-z0-9_.-]{20,100}+", 110),
                prefixed("gitlab-deploy-token", "gldt-", "[A-Za-z0-9_-]{20,100}+", 110),
                prefixed("gitlab-runner-token", List.of("glrt-", "GR1348941"), "[A-Za-z0-9_.-]{20,100}+", 110),
                prefixed("gitlab-ci-token", List.of("glcbt-", "glptt-"), "[A-Za-z0-9_.-]{20,100}+", 110),
                prefixed("gitlab-oauth-secret", "gloas-", "[A-Za-z0-9_-]{60,80}+", 90),
                prefixed("bitbucket-app-password", "ATBB", "[A-Za-z0-9_=.-]{28,64}+", 70),
                prefixed("atlassian-api-token", "ATATT3", "[A-Za-z0-9_=-]{150,250}+", 260),
                prefixed("buildkite-token", "bkua_", "[a-f0-9]{40}", 46),
                prefixed("circleci-token", "CCIPAT_", "[A-Za-z0-9]{22}_[a-f0-9]{40}", 72),
                prefixed("sourcegraph-token", "sgp_", "(?:[a-f0-9]{16}_)?[a-f0-9]{40}", 64),
                prefixed("linear-api-key", "lin_api_", "[A-Za-z0-9]{40}", 50),
                prefixed("linear-oauth-token", "lin_oauth_", "[a-f0-9]{64}", 76),
                prefixed("figma-token", "figd_", "[A-Za-z0-9_-]{40,44}+", 50),
                prefixed("notion-token", List.of("secret_", "ntn_"), "[A-Za-z0-9]{43,46}+", 56),
                prefixed("postman-api-key", "PMAK-", "[a-f0-9]{24}-[a-f0-9]{34}", 66));
    }

    static List<Detector> chat() {
        return List.of(
                prefixed("slack-bot-token", "xoxb-", "[0-9A-Za-z-]{20,250}+", 256),
                prefixed("slack-user-token", "xoxp-", "[0-9A-Za-z-]{20,250}+", 256),
                prefixed(
                        "slack-workspace-token",
                        List.of("xoxa-", "xoxr-", "xoxs-", "xoxo-"),
                        "[0-9A-Za-z-]{20,250}+",
                        256),
                prefixed(
                        "slack-config-token",
                        List.of("xoxe.xoxp-", "xoxe.xoxb-", "xoxe-"),
                        "[0-9A-Za-z-]{20,250}+",
                        266),
                prefixed("slack-app-token", "xapp-", "[0-9A-Za-z-]{20,250}+", 256),
                shaped(
                        "slack-webhook",
                        "hooks.slack.com/",
                        0,
                        "hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{20,200}+)",
                        240),
                shaped(
                        "discord-webhook",
                        "/api/webhooks/",
                        0,
                        "/api/webhooks/([0-9]{17,20}/[A-Za-z0-9_-]{60,80}+)",
                        110),
                keyed(
                        "discord-bot-token",
                        List.of("discord_bot_token", "discord_token", "discord-token", "discordtoken", "discord_bot"),
                        "[MNO][A-Za-z0-9_-]{23,27}+\\.[A-Za-z0-9_-]{6,7}+\\.[A-Za-z0-9_-]{27,40}+",
                        80),
                shaped(
                        "telegram-bot-token",
                        ":aa",
                        10,
                        "(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])",
                        40),
                shaped(
                        "microsoft-teams-webhook",
                        "webhook.office.com/",
                        0,
                        "webhook\\.office\\.com/webhookb2/([A-Za-z0-9@/-]{40,300}+)",
                        330));
    }

    static List<Detector> payments() {
        return List.of(
                prefixed("stripe-secret-key", List.of("sk_live_", "sk_test_"), "[0-9A-Za-z]{20,247}+", 256),
                prefixed("stripe-restricted-key", List.of("rk_live_", "rk_test_"), "[0-9A-Za-z]{20,247}+", 256),
                prefixed("stripe-webhook-secret", "whsec_", "[A-Za-z0-9+/=]{32,100}+", 110),
                prefixed("square-access-token", List.of("EAAA", "sq0atp-"), "[A-Za-z0-9_-]{22,60}+", 70),
                prefixed("square-oauth-secret", "sq0csp-", "[A-Za-z0-9_-]{43}", 50),
                prefixed(
                        "braintree-access-token",
                        List.of("access_token$production$", "access_token$sandbox$"),
                        "[0-9a-z]{16}\\$[0-9a-f]{32}",
                        80),
                prefixed("shopify-access-token", List.of("shpat_", "shpca_", "shppa_"), "[a-fA-F0-9]{32}", 40),
                prefixed("shopify-shared-secret", "shpss_", "[a-fA-F0-9]{32}", 40),
                prefixed("twilio-api-key", "SK", "[0-9a-f]{32}", 34),
                keyed(
                        "twilio-auth-token",
                        List.of("twilio_auth_token", "twilio-auth-token", "twilioauthtoken"),
                        "[a-f0-9]{32}",
                        32),
                prefixed("sendgrid-api-key", "SG.", "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", 70),
                prefixed("mailgun-api-key", "key-", "[0-9a-zA-Z]{32}", 36),
                shaped("mailchimp-api-key", "-us", 32, "(?<![a-f0-9])[a-f0-9]{32}-us[0-9]{1,2}+(?![0-9])", 8));
    }

    static List<Detector> observability() {
        return List.of(
                keyed(
                        "datadog-api-key",
                        List.of("dd_api_key", "datadog_api_key", "datadog-api-key", "ddapikey"),
                        "[a-f0-9]{32}",
                        32),
                keyed(
                        "datadog-app-key",
                        List.of(
                                "dd_app_key",
                                "dd_application_key",
                                "datadog_app_key",
                                "datadog_application_key",
                                "ddappkey"),
                        "[a-f0-9]{40}",
                        40),
                prefixed("new-relic-user-key", "NRAK-", "[A-Z0-9]{27}", 32),
                prefixed("new-relic-insert-key", "NRII-", "[A-Za-z0-9_-]{32}", 40),
                prefixed("new-relic-browser-key", "NRJS-", "[a-f0-9]{19}", 24),
                shaped("new-relic-license-key", "nral", 36, "(?<![A-Za-z0-9])[a-f0-9]{36}NRAL(?![A-Za-z0-9])", 8),
                prefixed("sentry-token", List.of("sntrys_", "sntryu_"), "[A-Za-z0-9+/=_]{40,300}+", 310),
                keyed(
                        "pagerduty-integration-key",
                        List.of("routing_key", "integration_key", "service_key", "pagerduty_key"),
                        "[a-zA-Z0-9]{32}",
                        32),
                shaped("pagerduty-api-key", "token token=", 0, "(?i:token token=)([A-Za-z0-9_+-]{20})", 40),
                prefixed("grafana-service-account-token", "glsa_", "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", 48),
                prefixed("grafana-cloud-token", "glc_", "[A-Za-z0-9+/]{32,400}+={0,2}+", 410),
                prefixed("grafana-api-key", "eyJrIjoi", "[A-Za-z0-9+/]{40,400}+={0,2}+", 410),
                prefixed(
                        "honeycomb-api-key",
                        List.of("hcaik_", "hcxik_", "hcamk_", "hcxmk_", "hcxlk_"),
                        "[a-z0-9]{20,80}+",
                        90),
                prefixed("dynatrace-token", "dt0c01.", "[A-Z0-9]{24}\\.[A-Z0-9]{64}", 96));
    }

    static List<Detector> modelVendors() {
        return List.of(
                prefixed("anthropic-api-key", "sk-ant-", B64URL + "{32,200}+", 210),
                prefixed("openai-api-key", "sk-", "(?!ant-)(?:proj-|svcacct-|admin-)?" + B64URL + "{32,200}+", 220),
                prefixed("huggingface-token", "hf_", "[A-Za-z0-9]{34}", 40),
                prefixed("huggingface-org-token", "api_org_", "[A-Za-z0-9]{34}", 44),
                prefixed("groq-api-key", "gsk_", "[A-Za-z0-9]{52}", 58),
                prefixed("replicate-api-token", "r8_", "[A-Za-z0-9]{37}", 42),
                prefixed("perplexity-api-key", "pplx-", "[A-Za-z0-9]{48}", 54),
                prefixed("xai-api-key", "xai-", "[A-Za-z0-9]{80}", 86),
                prefixed("mapbox-secret-token", "sk.eyJ", B64URL + "{50,300}+\\." + B64URL + "{20,100}+", 410));
    }

    static List<Detector> registriesAndPlatforms() {
        return List.of(
                prefixed("npm-token", "npm_", "[A-Za-z0-9]{36}", 40),
                prefixed("pypi-token", "pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{50,300}+", 320),
                prefixed("dockerhub-token", "dckr_pat_", "[A-Za-z0-9_-]{27}", 36),
                prefixed("rubygems-api-key", "rubygems_", "[a-f0-9]{48}", 58),
                prefixed("nuget-api-key", "oy2", "[a-z0-9]{43}", 46),
                prefixed("artifactory-api-key", "AKCp", "[A-Za-z0-9]{69}", 74),
                prefixed("jfrog-reference-token", "cmVmdGtuOjAxOj", "[A-Za-z0-9]{40,100}+", 120),
                prefixed("prefect-api-key", "pnu_", "[A-Za-z0-9]{36}", 40),
                keyed("kubeconfig-client-key", List.of("client-key-data"), "[A-Za-z0-9+/=]{40,16384}+", 16384),
                keyed("docker-registry-auth", List.of("\"auth\""), "[A-Za-z0-9+/=]{12,1024}+", 1024));
    }

    static List<Detector> structures() {
        return List.of(
                new PrivateKeys(),
                new Jwts(),
                new KubernetesSecretYaml(),
                new KubernetesSecretJson(),
                new KubernetesSecretJsonString(),
                new UrlCredentials(),
                new HttpHeaders(),
                new Cookies(),
                new Assignments());
    }
}
