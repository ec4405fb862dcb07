package dev.opsbot.teams;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What the Teams adapter needs to know, read from {@code teams:} by the application.
 *
 * @param appId the Azure bot registration's application (client) id: the audience of every inbound token, and the
 *     client id opsbot gets its outbound tokens with
 * @param appPassword its client secret (never logged)
 * @param tenantId the tenant of a single-tenant bot, or null for a multi-tenant one
 * @param openIdMetadataUrl where the Bot Connector's signing keys are announced
 *     ({@link #BOT_CONNECTOR_OPENID_METADATA}); tests point it at WireMock
 * @param tokenUrl where opsbot gets its own tokens for the Bot Connector (client credentials); tests point it at
 *     WireMock
 * @param reactions Teams reaction type ({@code like}, {@code heart}, ...) to the reaction name opsbot's approval
 *     flow knows ({@code white_check_mark}, {@code x}); types not listed are ignored
 */
public record TeamsSettings(
        String appId,
        String appPassword,
        String tenantId,
        URI openIdMetadataUrl,
        URI tokenUrl,
        Map<String, String> reactions) {
    public static final URI BOT_CONNECTOR_OPENID_METADATA =
            URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");
    /** The issuer of the Bot Connector's tokens to bots. */
    public static final String BOT_CONNECTOR_ISSUER = "https://api.botframework.com";
    /** The Teams platform name in {@code ThreadRef} and events. */
    public static final String PLATFORM = "teams";
    /** Like approves by default; rejecting is the proposal card's Reject button. */
    public static final Map<String, String> DEFAULT_REACTIONS = Map.of("like", "white_check_mark");

    public TeamsSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appPassword, "appPassword");
        Objects.requireNonNull(openIdMetadataUrl, "openIdMetadataUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        reactions = Map.copyOf(reactions);
    }

    /** Where a bot of {@code tenantId} (or any tenant: {@code botframework.com}) gets its tokens. */
    public static URI tokenUrlFor(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + (tenantId == null ? "botframework.com" : tenantId)
                + "/oauth2/v2.0/token");
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", tenantId=" + tenantId + ", openIdMetadataUrl=" + openIdMetadataUrl
                + ", tokenUrl=" + tokenUrl + ", reactions=" + reactions + "]";
    }
}
