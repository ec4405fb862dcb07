package dev.opsbot.app.config;

/**
 * AWS Cost Explorer as a source of read tools for the model ({@code cost.get_costs}, {@code cost.get_anomalies}), as
 * the person asking. Not an evidence source of triage. Off by default.
 *
 * @param region the region Cost Explorer is called in: {@value #DEFAULT_REGION}, where the global service is served
 *     ({@code cn-northwest-1} in the China partition)
 */
public record CostSourceConfig(boolean enabled, String region) {
    public static final String DEFAULT_REGION = "us-east-1";

    public CostSourceConfig {
        region = AwsRegion.check("sources.cost.region", region);
        if (region == null) {
            region = DEFAULT_REGION;
        }
    }

    public static CostSourceConfig defaults() {
        return new CostSourceConfig(false, DEFAULT_REGION);
    }

    static CostSourceConfig from(ConfigNode node) {
        CostSourceConfig config = new CostSourceConfig(node.bool("enabled", false), node.text("region"));
        node.rejectUnknown();
        return config;
    }
}
