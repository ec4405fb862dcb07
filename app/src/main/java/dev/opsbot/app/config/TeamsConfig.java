package dev.opsbot.app.config;

import dev.opsbot.teams.TeamsSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Microsoft Teams, through the Bot Framework. Teams is on when an app id is set; activities arrive at
 * {@code /api/messages}.
 *
 * @param appId the Azure bot registration's application (client) id
 * @param appPassword its client secret, or {@code null}
 * @param tenantId the tenant of a single-tenant bot; {@code null} for a multi-tenant one
 * @param openIdMetadataUrl where the Bot Connector announces the keys its tokens are signed with; the public
 *     cloud's unless set (sovereign clouds and tests set it)
 * @param tokenUrl where opsbot gets its own tokens for the Bot Connector; the tenant's (or {@code botframework.com}'s
 *     for a multi-tenant bot) unless set
 * @param reactions Teams reaction type to the reaction name opsbot's approval flow reads; types not listed are ignored
 */
public record TeamsConfig(
        String appId,
        Secret appPassword,
        String tenantId,
        String openIdMetadataUrl,
        String tokenUrl,
        Map<String, String> reactions) {
    /** The reaction types a Teams message offers, in the order Teams shows them. */
    static final List<String> REACTION_TYPES = List.of("like", "heart", "laugh", "surprised", "sad", "angry");

    /** A directory (tenant) id is a GUID or a domain; it ends up in the token URL's path. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    /** As {@code approval.approveReactions} spells reactions. */
    private static final Pattern REACTION_NAME = Pattern.compile("[a-z0-9_+-]+");

    public TeamsConfig {
        appId = Checks.blankToNull(appId);
        tenantId = tenant(Checks.blankToNull(tenantId));
        if (appId != null && appPassword == null) {
            throw new ConfigException(
                    "teams.appPassword",
                    null,
                    "is not set, but teams.appId is",
                    "set teams.appPassword" + EnvOverrides.hint("teams.appPassword")
                            + " to the bot registration's client secret, or unset teams.appId to turn Teams off");
        }
        URI metadata = TeamsSettings.BOT_CONNECTOR_OPENID_METADATA;
        openIdMetadataUrl =
                orElse(Checks.httpUrl("teams.openIdMetadataUrl", openIdMetadataUrl, metadata.toString()), metadata);
        URI tokens = TeamsSettings.tokenUrlFor(tenantId);
        tokenUrl = orElse(Checks.httpUrl("teams.tokenUrl", tokenUrl, tokens.toString()), tokens);
        reactions = reactions == null || reactions.isEmpty() ? TeamsSettings.DEFAULT_REACTIONS : checked(reactions);
    }

    /** Only the registration's three values; the rest as {@link #defaults()} has them. */
    public TeamsConfig(String appId, Secret appPassword, String tenantId) {
        this(appId, appPassword, tenantId, null, null, null);
    }

    public static TeamsConfig defaults() {
        return new TeamsConfig(null, null, null);
    }

    /** Whether opsbot should serve Teams at all. */
    public boolean configured() {
        return appId != null;
    }

    /**
     * What the Teams adapter is built with.
     *
     * @throws IllegalStateException when Teams is not {@link #configured()}
     */
    public TeamsSettings settings() {
        if (!configured()) {
            throw new IllegalStateException("Teams is not configured: teams.appId is not set");
        }
        return new TeamsSettings(
                appId, appPassword.value(), tenantId, URI.create(openIdMetadataUrl), URI.create(tokenUrl), reactions);
    }

    static TeamsConfig from(ConfigNode node) {
        String appId = node.text("appId");
        Secret appPassword = node.secret("appPassword");
        String tenantId = node.text("tenantId");
        String openIdMetadataUrl = node.text("openIdMetadataUrl");
        String tokenUrl = node.text("tokenUrl");
        Map<String, String> reactions = reactions(node.section("reactions"));
        node.rejectUnknown();
        return new TeamsConfig(appId, appPassword, tenantId, openIdMetadataUrl, tokenUrl, reactions);
    }

    /** The types written under {@code teams.reactions}; a key that is not a Teams reaction type is refused. */
    private static Map<String, String> reactions(ConfigNode section) {
        Map<String, String> reactions = new LinkedHashMap<>();
        for (String type : REACTION_TYPES) {
            String name = section.text(type);
            if (name != null) {
                reactions.put(type, name);
            }
        }
        section.rejectUnknown();
        return reactions;
    }

    private static Map<String, String> checked(Map<String, String> reactions) {
        reactions.forEach((type, name) -> {
            if (!REACTION_TYPES.contains(type)) {
                throw new ConfigException(
                        "teams.reactions." + type,
                        null,
                        "is not a Teams reaction type",
                        "use one of " + String.join(", ", REACTION_TYPES));
            }
            if (name == null || !REACTION_NAME.matcher(name).matches()) {
                throw new ConfigException(
                        "teams.reactions." + type,
                        name,
                        "is not a reaction short name",
                        "name the reaction opsbot's approval flow reads, without colons: white_check_mark, x");
            }
        });
        return Map.copyOf(reactions);
    }

    private static String tenant(String tenantId) {
        if (tenantId != null && !TENANT.matcher(tenantId).matches()) {
            throw new ConfigException(
                    "teams.tenantId",
                    tenantId,
                    "is not a tenant id",
                    "use the directory (tenant) id, a GUID, or its domain such as contoso.onmicrosoft.com; leave it"
                            + " unset for a multi-tenant bot");
        }
        return tenantId;
    }

    private static String orElse(String url, URI fallback) {
        return url == null ? fallback.toString() : url;
    }
}
