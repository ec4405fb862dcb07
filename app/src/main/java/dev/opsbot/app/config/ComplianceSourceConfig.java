package dev.opsbot.app.config;

/**
 * Compliance as read tools for the model, as the person asking: {@code compliance.config_rules} (AWS Config rule
 * compliance) and, when {@code sources.kubernetes} is on too, {@code compliance.pod_security} (pods against the Pod
 * Security Standards, through the same cluster access). Not an evidence source of triage. Off by default.
 *
 * @param region the region whose Config rules are read; {@code null} leaves it to the AWS SDK's default chain
 *     ({@code AWS_REGION}, the profile)
 */
public record ComplianceSourceConfig(boolean enabled, String region) {
    public ComplianceSourceConfig {
        region = AwsRegion.check("sources.compliance.region", region);
    }

    public static ComplianceSourceConfig defaults() {
        return new ComplianceSourceConfig(false, null);
    }

    static ComplianceSourceConfig from(ConfigNode node) {
        ComplianceSourceConfig config = new ComplianceSourceConfig(node.bool("enabled", false), node.text("region"));
        node.rejectUnknown();
        return config;
    }
}
