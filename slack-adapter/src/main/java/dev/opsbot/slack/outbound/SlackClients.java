package dev.opsbot.slack.outbound;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.Objects;

/** The Web API client for one bot token, pointed at Slack or (in tests) at a stand-in such as WireMock. */
public final class SlackClients {
    public static final String SLACK_API = "https://slack.com/api/";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private SlackClients() {}

    /**
     * @param apiBaseUrl the Web API prefix ending in {@code /}, e.g. {@link #SLACK_API}
     * @param timeout how long one HTTP call may take before it counts as failed
     */
    public static SlackWebApi webApi(String botToken, String apiBaseUrl, Duration timeout) {
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
        MethodsClient methods = Slack.getInstance(config).methods(botToken);
        return new SlackWebApi(methods, botToken, config, GsonFactory.createSnakeCase(config));
    }
}
