package dev.opsbot.core.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * One realistic line (or block) per secret type, each holding a freshly made fake secret in the context where such
 * secrets turn up: an env dump, a header, a config file, a URL. Made from a seeded generator, so no real-looking
 * secret is written down in the sources and every run sees the same text.
 */
final class SecretSamples {
    /** {@code text} holds {@code secret}; redaction must replace it with a placeholder of {@code type}. */
    record Sample(String type, String text, String secret) {
        @Override
        public String toString() {
            return type;
        }
    }

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String ALNUM = LOWER + UPPER + DIGITS;
    static final String HEX = "0123456789abcdef";
    static final String B64URL = ALNUM + "_-";
    static final String B64 = ALNUM + "+/";

    private final Random random = new Random(20260310);
    private final List<Sample> samples = new ArrayList<>();

    static List<Sample> all() {
        return new SecretSamples().build();
    }

    String rnd(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Random base64 of mixed case with a digit, as AWS secret keys are. */
    String mixed(String alphabet, int length) {
        while (true) {
            String value = rnd(alphabet, length);
            if (!value.equals(value.toLowerCase()) && !value.equals(value.toUpperCase()) && value.matches(".*\\d.*")) {
                return value;
            }
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String type, String before, String secret, String after) {
        samples.add(new Sample(type, before + secret + after, secret));
    }

    private List<Sample> build() {
        cloud();
        sourceControl();
        chat();
        payments();
        observability();
        models();
        registries();
        structures();
        return List.copyOf(samples);
    }

    private void cloud() {
        add("aws-access-key-id", "aws_access_key_id = ", "AKIA" + rnd(UPPER + DIGITS, 16), "");
        add("aws-secret-access-key", "aws_secret_access_key = ", mixed(B64, 40), "\n");
        add("aws-session-token", "export AWS_SESSION_TOKEN=", "IQoJb3JpZ2luX2VjE" + rnd(B64, 300), "\n");
        add(
                "google-api-key",
                "GET https://maps.googleapis.com/maps/api/geocode/json?key=",
                "AIza" + rnd(B64URL, 35),
                " 200");
        add("google-oauth-client-secret", "client_secret: ", "GOCSPX-" + rnd(B64URL, 28), "");
        add("google-oauth-access-token", "token refreshed: ", "ya29." + rnd(B64URL, 150), "");
        add("google-oauth-refresh-token", "stored refresh ", "1//0" + rnd(B64URL, 100), " for alice");
        add(
                "azure-storage-key",
                "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=",
                rnd(B64, 86) + "==",
                ";EndpointSuffix=core.windows.net");
        add(
                "azure-shared-access-key",
                "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=",
                rnd(B64, 43) + "=",
                "");
        add(
                "azure-sas-token",
                "GET https://shop.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2026-03-11T00:00:00Z&sig=",
                rnd(ALNUM, 43) + "%3D",
                " 403");
        add("azure-client-secret", "AZURE_CLIENT_SECRET=", rnd(ALNUM, 3) + "8Q~" + rnd(ALNUM, 34), "");
        add("alibaba-access-key-id", "accessKeyId: ", "LTAI" + rnd(ALNUM, 20), "");
        add("tencent-secret-id", "SecretId=", "AKID" + rnd(ALNUM, 32), "");
        add("digitalocean-token", "doctl auth init -t ", "dop_v1_" + rnd(HEX, 64), "");
        add("digitalocean-oauth-token", "oauth ", "doo_v1_" + rnd(HEX, 64), "");
        add("heroku-api-key", "HEROKU_API_KEY=", "HRKU-AA" + rnd(B64URL, 58), "");
        add("databricks-token", "DATABRICKS_TOKEN=", "dapi" + rnd(HEX, 32), "");
        add("vault-token", "X-Vault-Token: ", "hvs." + rnd(B64URL, 90), "");
        add(
                "terraform-cloud-token",
                "credentials \"app.terraform.io\" { token = \"",
                rnd(ALNUM, 14) + ".atlasv1." + rnd(ALNUM, 67),
                "\" }");
        add("doppler-token", "DOPPLER_TOKEN=", "dp.st.prd." + rnd(ALNUM, 43), "");
        add("pulumi-access-token", "PULUMI_ACCESS_TOKEN=", "pul-" + rnd(HEX, 40), "");
        add("flyio-token", "FLY_API_TOKEN=FlyV1 ", "fm2_" + rnd(B64, 200), "");
        add("supabase-token", "supabase login --token ", "sbp_" + rnd(HEX, 40), "");
        add("planetscale-token", "PLANETSCALE_SERVICE_TOKEN=", "pscale_tkn_" + rnd(ALNUM, 43), "");
        add("okta-api-token", "Authorization: SSWS ", "00" + rnd(B64URL, 40), "");
        add("onepassword-service-account-token", "OP_SERVICE_ACCOUNT_TOKEN=", "ops_eyJ" + rnd(B64, 300), "");
        add(
                "age-secret-key",
                "# created: 2026-03-10\n",
                "AGE-SECRET-KEY-1" + rnd("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
                "\n");
    }

    private void sourceControl() {
        add("github-token", "export GITHUB_TOKEN=", "ghp_" + rnd(ALNUM, 36), "");
        add("github-oauth-token", "oauth: ", "gho_" + rnd(ALNUM, 36), "");
        add("github-user-token", "user token ", "ghu_" + rnd(ALNUM, 36), "");
        add(
                "github-app-token",
                "git clone https://x-access-token:",
                "ghs_" + rnd(ALNUM, 36),
                "@github.com/shop/app.git");
        add("github-refresh-token", "refresh ", "ghr_" + rnd(ALNUM, 76), "");
        add("github-fine-grained-token", "GH_TOKEN=", "github_pat_" + rnd(ALNUM, 22) + "_" + rnd(ALNUM, 59), "");
        add("gitlab-token", "PRIVATE-TOKEN ", "glpat-" + rnd(B64URL, 20), "");
        add("gitlab-deploy-token", "deploy ", "gldt-" + rnd(B64URL, 20), "");
        add("gitlab-runner-token", "  token = \"", "glrt-" + rnd(B64URL, 20), "\"");
        add("gitlab-ci-token", "trigger ", "glptt-" + rnd(HEX, 40), "");
        add("gitlab-oauth-secret", "oauth app ", "gloas-" + rnd(HEX, 64), "");
        add("bitbucket-app-password", "BITBUCKET_APP_PASSWORD ", "ATBB" + rnd(ALNUM, 32), "");
        add(
                "atlassian-api-token",
                "JIRA_API_TOKEN ",
                "ATATT3xFfGF0" + rnd(B64URL, 170) + "=" + rnd(HEX, 8).toUpperCase(),
                "");
        add("buildkite-token", "BUILDKITE_API_TOKEN ", "bkua_" + rnd(HEX, 40), "");
        add("circleci-token", "circle-token ", "CCIPAT_" + rnd(ALNUM, 22) + "_" + rnd(HEX, 40), "");
        add("sourcegraph-token", "SRC_ACCESS_TOKEN ", "sgp_" + rnd(HEX, 16) + "_" + rnd(HEX, 40), "");
        add("linear-api-key", "LINEAR ", "lin_api_" + rnd(ALNUM, 40), "");
        add("linear-oauth-token", "LINEAR ", "lin_oauth_" + rnd(HEX, 64), "");
        add("figma-token", "FIGMA ", "figd_" + rnd(B64URL, 40), "");
        add("notion-token", "NOTION ", "ntn_" + rnd(ALNUM, 46), "");
        add("postman-api-key", "POSTMAN ", "PMAK-" + rnd(HEX, 24) + "-" + rnd(HEX, 34), "");
    }

    private void chat() {
        add(
                "slack-bot-token",
                "SLACK_BOT_TOKEN=",
                "xoxb-" + rnd(DIGITS, 12) + "-" + rnd(DIGITS, 13) + "-" + rnd(ALNUM, 24),
                "");
        add("slack-user-token", "user ", "xoxp-" + rnd(DIGITS, 12) + "-" + rnd(DIGITS, 12) + "-" + rnd(ALNUM, 32), "");
        add("slack-workspace-token", "legacy ", "xoxa-2-" + rnd(DIGITS, 12) + "-" + rnd(ALNUM, 32), "");
        add("slack-config-token", "config ", "xoxe.xoxp-1-" + rnd(ALNUM, 140), "");
        add(
                "slack-app-token",
                "SLACK_APP_TOKEN=",
                "xapp-1-A0" + rnd(UPPER + DIGITS, 9) + "-" + rnd(DIGITS, 13) + "-" + rnd(HEX, 64),
                "");
        add(
                "slack-webhook",
                "POST https://hooks.slack.com/services/",
                "T" + rnd(UPPER, 8) + "/B" + rnd(UPPER, 8) + "/" + rnd(ALNUM, 24),
                " 200");
        add(
                "discord-webhook",
                "webhook https://discord.com/api/webhooks/",
                rnd(DIGITS, 18) + "/" + rnd(B64URL, 68),
                "");
        add(
                "discord-bot-token",
                "DISCORD_BOT_TOKEN=",
                "MT" + rnd(B64URL, 24) + "." + rnd(B64URL, 6) + "." + rnd(B64URL, 38),
                "");
        add(
                "telegram-bot-token",
                "POST https://api.telegram.org/bot",
                "123456789:AA" + rnd(B64URL, 33),
                "/sendMessage 200");
        add(
                "microsoft-teams-webhook",
                "TEAMS_WEBHOOK=https://shop.webhook.office.com/webhookb2/",
                java.util.UUID.randomUUID() + "@" + java.util.UUID.randomUUID() + "/IncomingWebhook/" + rnd(HEX, 32)
                        + "/" + java.util.UUID.randomUUID(),
                "");
    }

    private void payments() {
        add("stripe-secret-key", "STRIPE_SECRET_KEY=", "sk_live_" + rnd(ALNUM, 99), "");
        add("stripe-restricted-key", "stripe ", "rk_live_" + rnd(ALNUM, 99), "");
        add("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET=", "whsec_" + rnd(ALNUM, 32), "");
        add("square-access-token", "SQUARE_ACCESS_TOKEN=", "EAAA" + rnd(B64URL, 60), "");
        add("square-oauth-secret", "square ", "sq0csp-" + rnd(B64URL, 43), "");
        add(
                "braintree-access-token",
                "BRAINTREE ",
                "access_token$production$" + rnd(LOWER + DIGITS, 16) + "$" + rnd(HEX, 32),
                "");
        add("shopify-access-token", "X-Shopify-Access-Token: ", "shpat_" + rnd(HEX, 32), "");
        add("shopify-shared-secret", "shopify ", "shpss_" + rnd(HEX, 32), "");
        add("twilio-api-key", "twilio key ", "SK" + rnd(HEX, 32), "");
        add("twilio-auth-token", "TWILIO_AUTH_TOKEN=", rnd(HEX, 32), "");
        add("sendgrid-api-key", "SENDGRID_API_KEY=", "SG." + rnd(B64URL, 22) + "." + rnd(B64URL, 43), "");
        add("mailgun-api-key", "api:", "key-" + rnd(ALNUM, 32), "");
        add("mailchimp-api-key", "MAILCHIMP ", rnd(HEX, 32) + "-us21", "");
    }

    private void observability() {
        add("datadog-api-key", "DD_API_KEY=", rnd(HEX, 32), "");
        add("datadog-app-key", "DD_APP_KEY=", rnd(HEX, 40), "");
        add("new-relic-user-key", "NEW_RELIC ", "NRAK-" + rnd(UPPER + DIGITS, 27), "");
        add("new-relic-insert-key", "insert ", "NRII-" + rnd(B64URL, 32), "");
        add("new-relic-browser-key", "browser ", "NRJS-" + rnd(HEX, 19), "");
        add("new-relic-license-key", "license_key: ", rnd(HEX, 36) + "NRAL", "");
        add("sentry-token", "SENTRY_AUTH_TOKEN ", "sntrys_" + rnd(B64, 120), "");
        add("pagerduty-integration-key", "{\"routing_key\": \"", rnd(ALNUM, 32), "\", \"event_action\": \"trigger\"}");
        add("pagerduty-api-key", "Authorization: Token token=", rnd(ALNUM, 20), "");
        add("grafana-service-account-token", "GRAFANA ", "glsa_" + rnd(ALNUM, 32) + "_" + rnd(HEX, 8), "");
        add("grafana-cloud-token", "GRAFANA_CLOUD ", "glc_" + rnd(ALNUM, 120) + "==", "");
        add("grafana-api-key", "grafana ", "eyJrIjoi" + rnd(ALNUM, 80) + "=", "");
        add("honeycomb-api-key", "honeycomb ", "hcaik_" + rnd(LOWER + DIGITS, 58), "");
        add("dynatrace-token", "Api-Token ", "dt0c01." + rnd(UPPER + DIGITS, 24) + "." + rnd(UPPER + DIGITS, 64), "");
    }

    private void models() {
        add("anthropic-api-key", "ANTHROPIC ", "sk-ant-api03-" + rnd(B64URL, 93) + "AA", "");
        add("openai-api-key", "OPENAI ", "sk-proj-" + rnd(B64URL, 120), "");
        add("huggingface-token", "HF ", "hf_" + rnd(ALNUM, 34), "");
        add("huggingface-org-token", "HF ", "api_org_" + rnd(ALNUM, 34), "");
        add("groq-api-key", "GROQ ", "gsk_" + rnd(ALNUM, 52), "");
        add("replicate-api-token", "REPLICATE ", "r8_" + rnd(ALNUM, 37), "");
        add("perplexity-api-key", "PPLX ", "pplx-" + rnd(ALNUM, 48), "");
        add("xai-api-key", "XAI ", "xai-" + rnd(ALNUM, 80), "");
        add("mapbox-secret-token", "MAPBOX ", "sk.eyJ" + rnd(B64URL, 60) + "." + rnd(B64URL, 22), "");
    }

    private void registries() {
        add("npm-token", "//registry.npmjs.org/:_authToken=", "npm_" + rnd(ALNUM, 36), "");
        add("pypi-token", "password = ", "pypi-AgEIcHlwaS5vcmc" + rnd(B64URL, 150), "");
        add("dockerhub-token", "docker login -u shop -p ", "dckr_pat_" + rnd(B64URL, 27), "");
        add("rubygems-api-key", "GEM_HOST_API_KEY=", "rubygems_" + rnd(HEX, 48), "");
        add("nuget-api-key", "nuget push -k ", "oy2" + rnd(LOWER + DIGITS, 43), "");
        add("artifactory-api-key", "X-JFrog-Art-Api: ", "AKCp" + rnd(ALNUM, 69), "");
        add("jfrog-reference-token", "jfrog ", "cmVmdGtuOjAxOj" + rnd(ALNUM, 50), "");
        add("prefect-api-key", "PREFECT_API_KEY=", "pnu_" + rnd(ALNUM, 36), "");
        add(
                "kubeconfig-client-key",
                "users:\n- name: admin\n  user:\n    client-key-data: ",
                rnd(B64, 400) + "==",
                "\n");
        add(
                "docker-registry-auth",
                "{\"auths\":{\"registry.example.com\":{\"auth\":\"",
                base64("deploy:" + rnd(ALNUM, 20)),
                "\"}}}");
    }

    private void structures() {
        String body = rnd(B64, 64) + "\n" + rnd(B64, 64) + "\n" + rnd(B64, 40) + "==\n";
        String rsa = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
        add("private-key", "key file:\n", rsa, "\nloaded");
        String pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + body + "-----END PGP PRIVATE KEY BLOCK-----";
        add("pgp-private-key", "", pgp, "\n");
        String escaped =
                "-----BEGIN PRIVATE KEY-----\\n" + rnd(B64, 64) + "\\n" + rnd(B64, 40) + "\\n-----END PRIVATE KEY-----";
        add(
                "gcp-service-account-key",
                "{\"type\": \"service_account\", \"project_id\": \"shop\", \"private_key\": \"",
                escaped,
                "\\n\", \"client_email\": \"ci@shop.iam.gserviceaccount.com\"}");
        add(
                "putty-private-key",
                "",
                "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n"
                        + rnd(B64, 64) + "\n" + rnd(B64, 20) + "\nPrivate-Lines: 1\n" + rnd(B64, 44) + "\nPrivate-MAC: "
                        + rnd(HEX, 64),
                "\n");
        String header = base64Url("{\"alg\":\"RS256\",\"kid\":\"" + rnd(ALNUM, 20) + "\"}");
        String payload = base64Url("{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":"
                + "\"shop\",\"sub\":\"system:serviceaccount:shop:checkout\"}");
        add("jwt", "Authorization: Bearer ", header + "." + payload + "." + rnd(B64URL, 342), "");
        add(
                "kubernetes-secret",
                "apiVersion: v1\ndata:\n  password: ",
                base64("p" + rnd(ALNUM, 14)),
                "\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\ntype: Opaque\n");
        add("url-password", "DATABASE_URL=postgres://orders:", "s3" + rnd(ALNUM, 14), "@db.shop.svc:5432/orders");
        add("sentry-dsn", "SENTRY_DSN=https://", rnd(HEX, 32), "@o450000.ingest.sentry.io/4500000");
        add("authorization-header", "> Authorization: Basic ", base64("admin:" + rnd(ALNUM, 12)), "");
        add("bearer-token", "retrying with Bearer ", rnd(B64URL, 40), " (attempt 2)");
        add("api-key-header", "-H 'X-Api-Key: ", rnd(ALNUM, 32), "'");
        add("cookie", "Cookie: session=", rnd(B64URL, 32), "; lang=en");
        add("password", "connecting with password=", "Xk9#mQ2!vT7z", " to db");
        add("secret", "client_secret: ", rnd(ALNUM, 24), "");
        add("token", "refresh_token=", rnd(ALNUM, 32), "&grant_type=refresh_token");
        add("api-key", "{\"apiKey\": \"", rnd(ALNUM, 32), "\"}");
        add("private-key", "private_key=", rnd(ALNUM, 40), "");
        add("credential", "credentials=", rnd(ALNUM, 24), "");
        add("connection-string-password", "Server=db;Database=shop;User Id=app;Password=", "changeme", ";");
        // an '&' inside a bare value, where no parameter follows it (security gap G1)
        add("password", "DB_PASSWORD=", "Xk9&mQ2!vT7zQ", "");
        add("token", "API_TOKEN=", "aB3dE5&fG7hJ9kL1mN3", "");
        add("connection-string-password", "Server=db;User Id=app;Password=", "Xk9&mQ2!", ";Database=shop");
    }
}
