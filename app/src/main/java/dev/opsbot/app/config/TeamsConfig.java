package dev.opsbot.app.config;

/**
 * Microsoft Teams, through the Bot Framework. Teams is on when an app id is set; activities arrive at
 * {@code /api/messages}.
 *
 * @param appId the Azure bot registration's application (client) id
 * @param appPassword its client secret, or {@code null}
 * @param tenantId the tenant of a single-tenant bot; {@code null} for a multi-tenant one
 */
public record TeamsConfig(String appId, Secret appPassword, String tenantId) {
    public TeamsConfig {
        appId = Checks.blankToNull(appId);
        tenantId = Checks.blankToNull(tenantId);
        if (appId != null && appPassword == null) {
            throw new ConfigException(
                    "teams.appPassword",
                    null,
                    "is not set, but teams.appId is",
                    "set teams.appPassword" + EnvOverrides.hint("teams.appPassword")
                            + " to the bot registration's client secret, or unset teams.appId to turn Teams off");
        }
    }

    public static TeamsConfig defaults() {
        return new TeamsConfig(null, null, null);
    }

    /** Whether opsbot should serve Teams at all. */
    public boolean configured() {
        return appId != null;
    }

    static TeamsConfig from(ConfigNode node) {
        TeamsConfig config = new TeamsConfig(node.text("appId"), node.secret("appPassword"), node.text("tenantId"));
        node.rejectUnknown();
        return config;
    }
}
