package dev.opsbot.app.config;

import java.util.regex.Pattern;

/**
 * AWS IAM Identity Center as the directory people are looked up in by e-mail.
 *
 * @param identityStoreId the identity store's id ({@code d-1234567890}), from the Identity Center settings page
 * @param region the Identity Center's home region; null for the AWS SDK's default chain
 */
public record IdentityCenterConfig(boolean enabled, String identityStoreId, String region) {
    private static final Pattern STORE_ID =
            Pattern.compile("d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public IdentityCenterConfig {
        identityStoreId = Checks.blankToNull(identityStoreId);
        region = Checks.blankToNull(region);
        if (enabled && identityStoreId == null) {
            throw new ConfigException(
                    "identity.identityCenter.identityStoreId",
                    null,
                    "is not set",
                    "copy the identity store id (d-xxxxxxxxxx) from IAM Identity Center's settings page");
        }
        if (identityStoreId != null && !STORE_ID.matcher(identityStoreId).matches()) {
            throw new ConfigException(
                    "identity.identityCenter.identityStoreId",
                    identityStoreId,
                    "is not an identity store id",
                    "it looks like d-1234567890; copy it from IAM Identity Center's settings page");
        }
    }

    public static IdentityCenterConfig defaults() {
        return new IdentityCenterConfig(false, null, null);
    }

    static IdentityCenterConfig from(ConfigNode node) {
        IdentityCenterConfig config = new IdentityCenterConfig(
                node.bool("enabled", false), node.text("identityStoreId"), node.text("region"));
        node.rejectUnknown();
        return config;
    }
}
