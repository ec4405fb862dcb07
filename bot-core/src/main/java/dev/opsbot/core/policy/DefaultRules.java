package dev.opsbot.core.policy;

import java.util.List;
import java.util.Map;

/**
 * The rules every {@link PolicyEngine} has, whatever the configuration says. The {@link #guardrails()} come before the
 * configured rules, so nothing configured can let through what they refuse; the {@link #baseline()} comes after them,
 * so configured rules can refuse more, or ask for approval of more, than the baseline would.
 */
public final class DefaultRules {
    /** The environment names the production-only rules apply to. */
    public static final List<String> PRODUCTION = List.of("production", "prod");

    /** AWS operations that destroy data or capacity no rollback brings back. */
    public static final List<String> AWS_DESTRUCTIVE_OPERATIONS = List.of(
            "DeleteBucket",
            "DeleteDBInstance",
            "DeleteDBCluster",
            "DeleteDBSnapshot",
            "DeleteDBClusterSnapshot",
            "DeleteGlobalCluster",
            "DeleteTable",
            "DeleteBackup",
            "TerminateInstances",
            "DeleteCluster",
            "DeleteNodegroup",
            "DeleteCacheCluster",
            "DeleteReplicationGroup",
            "DeleteFileSystem",
            "DeleteVolume",
            "DeleteSnapshot",
            "DeleteLogGroup",
            "DeleteStack",
            "DeleteRepository",
            "DeleteStream",
            "DeleteSecret",
            "ScheduleKeyDeletion",
            "DeleteKey",
            "PurgeQueue",
            "DeleteQueue",
            "DeleteVpc",
            "DeleteHostedZone",
            "DeleteLoadBalancer");

    /** Kubernetes resources whose deletion takes data or every object of an API with it. */
    public static final List<String> KUBERNETES_DESTRUCTIVE_DELETES =
            List.of("namespaces", "persistentvolumeclaims", "persistentvolumes", "customresourcedefinitions");

    private static final List<PolicyRule> GUARDRAILS = List.of(
            rule(
                    "no-exec",
                    PolicyEffect.DENY,
                    "a shell, an attached terminal, a port-forward or a proxy reaches past the API into the workload,"
                            + " where no guardrail and no audit can follow",
                    Map.of(
                            PolicyField.SYSTEM, List.of("kubernetes"),
                            PolicyField.RESOURCE, List.of("pods/exec", "pods/attach", "pods/portforward", "*/proxy"))),
            rule(
                    "no-secret-values",
                    PolicyEffect.DENY,
                    "Secret values never reach opsbot; read a Secret's metadata only (names, keys, change times)",
                    Map.of(
                            PolicyField.SYSTEM, List.of("kubernetes"),
                            PolicyField.ACTION, List.of("get", "list", "watch"),
                            PolicyField.RESOURCE, List.of("secrets"))),
            rule(
                    "no-aws-secret-values",
                    PolicyEffect.DENY,
                    "secret values never reach opsbot",
                    Map.of(
                            PolicyField.SYSTEM,
                            List.of("aws"),
                            PolicyField.ACTION,
                            List.of(
                                    "GetSecretValue",
                                    "BatchGetSecretValue",
                                    "GetParameter",
                                    "GetParameters",
                                    "GetParametersByPath",
                                    "GetParameterHistory",
                                    "Decrypt",
                                    "GetPasswordData"))),
            rule(
                    "no-data-loss-in-production",
                    PolicyEffect.DENY,
                    "deleting a namespace, a volume or a CRD in production destroys data no rollback brings back",
                    Map.of(
                            PolicyField.SYSTEM,
                            List.of("kubernetes"),
                            PolicyField.ACTION,
                            List.of("delete"),
                            PolicyField.RESOURCE,
                            KUBERNETES_DESTRUCTIVE_DELETES,
                            PolicyField.ENVIRONMENT,
                            PRODUCTION)),
            rule(
                    "no-deletecollection-in-production",
                    PolicyEffect.DENY,
                    "deleting every object of a kind at once in production is never one approved change",
                    Map.of(
                            PolicyField.SYSTEM, List.of("kubernetes"),
                            PolicyField.ACTION, List.of("deletecollection"),
                            PolicyField.ENVIRONMENT, PRODUCTION)),
            rule(
                    "no-aws-data-loss-in-production",
                    PolicyEffect.DENY,
                    "deleting a bucket, database, table, cluster or instance in production destroys what no rollback"
                            + " brings back",
                    Map.of(
                            PolicyField.SYSTEM, List.of("aws"),
                            PolicyField.ACTION, AWS_DESTRUCTIVE_OPERATIONS,
                            PolicyField.ENVIRONMENT, PRODUCTION)),
            rule(
                    "no-destructive-in-production",
                    PolicyEffect.DENY,
                    "destructive operations are not done by opsbot in production; a person does them by hand",
                    Map.of(PolicyField.RISK, List.of("destructive"), PolicyField.ENVIRONMENT, PRODUCTION)));

    private static final List<PolicyRule> BASELINE = List.of(
            rule(
                    "writes-need-approval",
                    PolicyEffect.REQUIRE_APPROVAL,
                    "a write needs a proposal that a person approved",
                    Map.of(PolicyField.RISK, List.of("write", "destructive"))),
            rule(
                    "reads-allowed",
                    PolicyEffect.ALLOW,
                    "reads run as the person, within their own RBAC and IAM permissions",
                    Map.of(PolicyField.RISK, List.of("read"))));

    private DefaultRules() {}

    /** The refusals no configuration can lift, in order; they are checked first. */
    public static List<PolicyRule> guardrails() {
        return GUARDRAILS;
    }

    /** What is left after the configured rules: writes need approval, reads are allowed. Checked last. */
    public static List<PolicyRule> baseline() {
        return BASELINE;
    }

    private static PolicyRule rule(
            String name, PolicyEffect effect, String reason, Map<PolicyField, List<String>> when) {
        return new PolicyRule(name, effect, reason, PolicyCondition.of(when));
    }
}
