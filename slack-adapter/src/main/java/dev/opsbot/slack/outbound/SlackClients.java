package dev.opsbot.slack.outbound;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.Objects;

/** Bolt's Web API client for one bot token, pointed at Slack or (in tests) at a stand-in such as WireMock. */
public final class SlackClients {
    public static final String SLACK_API = "https://slack.com/api/";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private SlackClients() {}

    /**
     * @param apiBaseUrl the Web API prefix ending in {@code /}, e.g. {@link #SLACK_API}
     * @param timeout how long one HTTP call may take before it counts as failed
     */
    public static MethodsClient methods(String botToken, String apiBaseUrl, Duration timeout) {
        Objects.requireNonNull(botToken, "botToken");
        if (apiBaseUrl == null || !apiBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException(
                    "Slack API base URL must end with '/', e.g. " + SLACK_API + "; got " + apiBaseUrl);
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBaseUrl);
        int millis = Math.toIntExact(timeout.toMillis());
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis);
        return Slack.getInstance(config).methods(botToken);
    }
}
