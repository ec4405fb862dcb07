package dev.opsbot.slack.inbound;

import java.util.Objects;

/**
 * What inbound Slack needs to know. {@code methodsUrlPrefix} points Bolt's Web API client elsewhere (WireMock in
 * tests; {@code null} for Slack itself). {@code approveReaction}/{@code rejectReaction} are the reaction names the
 * Approve/Reject buttons turn into, so a button press is verified exactly like the reaction.
 */
public record SlackInboundConfig(
        String botToken,
        String signingSecret,
        String methodsUrlPrefix,
        String command,
        String approveReaction,
        String rejectReaction) {

    public static final String DEFAULT_COMMAND = "/opsbot";

    public SlackInboundConfig {
        requireText(botToken, "botToken (the xoxb- bot token)");
        requireText(signingSecret, "signingSecret (Basic Information > Signing Secret in the Slack app settings)");
        command = command == null || command.isBlank() ? DEFAULT_COMMAND : command;
        requireText(approveReaction, "approveReaction");
        requireText(rejectReaction, "rejectReaction");
        if (!command.startsWith("/")) {
            throw new IllegalArgumentException("command must start with '/', got '" + command + "'");
        }
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "SlackInboundConfig[methodsUrlPrefix=" + methodsUrlPrefix + ", command=" + command + ", approveReaction="
                + approveReaction + ", rejectReaction=" + rejectReaction + "]";
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what + " must be set");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
