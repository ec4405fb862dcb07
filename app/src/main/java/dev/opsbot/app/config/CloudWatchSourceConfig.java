package dev.opsbot.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Amazon CloudWatch as an evidence source: Logs Insights over the given log groups, and metrics (Container
 * Insights, the load balancer's target group).
 *
 * @param region the AWS region; {@code null} leaves it to the AWS SDK's default chain ({@code AWS_REGION}, ...)
 * @param logGroups the log groups Logs Insights searches; {@code $service} and {@code $namespace} are filled in
 * @param targetGroupDimension the ALB {@code TargetGroup} dimension value the error ratio is read from, a template
 *     such as {@code targetgroup/$service/abc123}; {@code null} for none
 * @param clusterName the EKS cluster name Container Insights files the pods' metrics under (restarts, memory, CPU);
 *     {@code null} leaves those signals out
 */
public record CloudWatchSourceConfig(
        boolean enabled, String region, List<String> logGroups, String targetGroupDimension, String clusterName) {
    // CloudWatch Logs' own character set for log group names, plus '$' for placeholders
    private static final Pattern LOG_GROUP = Pattern.compile("[A-Za-z0-9._/#$-]{1,512}");

    public CloudWatchSourceConfig {
        region = Checks.blankToNull(region);
        logGroups = List.copyOf(logGroups == null ? List.of() : logGroups);
        checkLogGroups(logGroups);
        targetGroupDimension = checkTargetGroup(Checks.blankToNull(targetGroupDimension));
        clusterName = Checks.blankToNull(clusterName);
    }

    public static CloudWatchSourceConfig defaults() {
        return new CloudWatchSourceConfig(false, null, List.of(), null, null);
    }

    private static void checkLogGroups(List<String> logGroups) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < logGroups.size(); i++) {
            String key = "sources.cloudwatch.logGroups[" + i + "]";
            String group = Checks.text(key, logGroups.get(i), "write a log group name such as /aws/eks/prod/$service");
            Placeholders.check(key, group);
            if (!LOG_GROUP.matcher(group).matches()) {
                throw new ConfigException(
                        key,
                        group,
                        "is not a log group name",
                        "use letters, digits and . _ - / #, with $service or $namespace where the name varies");
            }
            if (!seen.add(group)) {
                throw new ConfigException(key, group, "is listed twice", "list each log group once");
            }
        }
    }

    private static String checkTargetGroup(String dimension) {
        String key = "sources.cloudwatch.targetGroupDimension";
        if (dimension != null && !dimension.startsWith("targetgroup/")) {
            throw new ConfigException(
                    key,
                    dimension,
                    "is not a TargetGroup dimension value",
                    "write targetgroup/<name>/<id> as CloudWatch shows it, such as targetgroup/$service/abc123");
        }
        return dimension == null ? null : Placeholders.check(key, dimension);
    }

    static CloudWatchSourceConfig from(ConfigNode node) {
        CloudWatchSourceConfig config = new CloudWatchSourceConfig(
                node.bool("enabled", false),
                node.text("region"),
                node.strings("logGroups", List.of()),
                node.text("targetGroupDimension"),
                node.text("clusterName"));
        node.rejectUnknown();
        return config;
    }
}
