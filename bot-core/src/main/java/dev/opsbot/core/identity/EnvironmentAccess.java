package dev.opsbot.core.identity;

import java.util.List;
import java.util.Objects;

/**
 * What a person may do in one environment (an AWS account and its clusters), as the configured group mappings grant
 * it. A role ARN that is null means "not in this environment": no read role, no AWS reads; no write role, no AWS
 * writes even when approved.
 *
 * @param environment the environment's name in opsbot's configuration ({@code production}, {@code staging})
 * @param readRoleArn the IAM role reads are made in, as the person; null when none is mapped
 * @param writeRoleArn the IAM role an approved action is made in; null when none is mapped
 * @param kubernetesGroups the groups Kubernetes requests impersonate besides the person, for reads
 * @param kubernetesWriteGroups the groups an approved Kubernetes action impersonates; empty when none
 * @param approver whether the person may approve other people's proposals in this environment
 * @param grantedBy the person's directory groups that granted this access, for {@code whoami}
 */
public record EnvironmentAccess(
        String environment,
        String readRoleArn,
        String writeRoleArn,
        List<String> kubernetesGroups,
        List<String> kubernetesWriteGroups,
        boolean approver,
        List<String> grantedBy) {
    public EnvironmentAccess {
        Objects.requireNonNull(environment, "environment");
        kubernetesGroups = List.copyOf(kubernetesGroups);
        kubernetesWriteGroups = List.copyOf(kubernetesWriteGroups);
        grantedBy = List.copyOf(grantedBy);
    }

    public boolean canRead() {
        return readRoleArn != null || !kubernetesGroups.isEmpty();
    }

    public boolean canWrite() {
        return writeRoleArn != null || !kubernetesWriteGroups.isEmpty();
    }
}
