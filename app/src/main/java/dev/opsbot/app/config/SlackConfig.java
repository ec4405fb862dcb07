package dev.opsbot.app.config;

/**
 * Slack, through Bolt. Slack is on when a bot token is set. Events then arrive either over HTTP at
 * {@code /slack/events}, verified with the signing secret, or over Socket Mode when an app-level token is set,
 * which needs no public URL.
 *
 * <p>Secrets that are not configured are {@code null}.
 *
 * @param botToken the bot user OAuth token ({@code xoxb-...})
 * @param signingSecret verifies that HTTP requests come from Slack
 * @param appToken the app-level token ({@code xapp-...}) that turns on Socket Mode
 * @param apiUrl the Web API base URL, ending in '/'; {@code null} for Slack's own. Tests point it at a fake Slack.
 */
public record SlackConfig(Secret botToken, Secret signingSecret, Secret appToken, String apiUrl) {
    public SlackConfig {
        apiUrl = Checks.httpUrl("slack.apiUrl", apiUrl, "https://slack.com/api/");
        // Bolt appends method names straight to the prefix, so a missing '/' would give ".../apichat.postMessage"
        apiUrl = apiUrl == null || apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (botToken != null && signingSecret == null && appToken == null) {
            throw new ConfigException(
                    "slack.signingSecret",
                    null,
                    "is not set, and neither is slack.appToken, so Slack events could not be received",
                    "set slack.signingSecret" + EnvOverrides.hint("slack.signingSecret")
                            + " for events over HTTP, or slack.appToken" + EnvOverrides.hint("slack.appToken")
                            + " for Socket Mode");
        }
    }

    public static SlackConfig defaults() {
        return new SlackConfig(null, null, null, null);
    }

    /** Whether opsbot should connect to Slack at all. */
    public boolean configured() {
        return botToken != null;
    }

    /** Whether events come over Socket Mode rather than HTTP. */
    public boolean socketMode() {
        return appToken != null;
    }

    static SlackConfig from(ConfigNode node) {
        SlackConfig config = new SlackConfig(
                node.secret("botToken"), node.secret("signingSecret"), node.secret("appToken"), node.text("apiUrl"));
        node.rejectUnknown();
        return config;
    }
}
