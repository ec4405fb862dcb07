package dev.opsbot.identity.mapping;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of {@code identity.mappings}: what members of a directory group may do in one environment.
 *
 * @param group the directory group's display name, matched exactly
 * @param environment the environment it grants access in
 * @param readRoleArn the IAM role reads run in; null for none
 * @param writeRoleArn the IAM role approved actions run in; null for none
 * @param kubernetesGroups groups Kubernetes reads impersonate besides the person
 * @param kubernetesWriteGroups groups approved Kubernetes actions impersonate
 * @param approver whether members may approve other people's proposals there
 */
public record GroupMapping(
        String group,
        String environment,
        String readRoleArn,
        String writeRoleArn,
        List<String> kubernetesGroups,
        List<String> kubernetesWriteGroups,
        boolean approver) {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-us-gov|-cn)?:iam::\\d{12}:role/[\\w+=,.@/-]+");

    public GroupMapping {
        group = requireText(group, "group");
        environment = requireText(environment, "environment");
        readRoleArn = requireRoleArn(readRoleArn, "readRoleArn", group, environment);
        writeRoleArn = requireRoleArn(writeRoleArn, "writeRoleArn", group, environment);
        kubernetesGroups = kubernetesGroups == null ? List.of() : List.copyOf(kubernetesGroups);
        kubernetesWriteGroups = kubernetesWriteGroups == null ? List.of() : List.copyOf(kubernetesWriteGroups);
        if (readRoleArn == null
                && writeRoleArn == null
                && kubernetesGroups.isEmpty()
                && kubernetesWriteGroups.isEmpty()
                && !approver) {
            throw new IllegalArgumentException("identity.mappings: group " + group + " in " + environment
                    + " grants nothing; give it a role, Kubernetes groups or approver, or remove it");
        }
    }

    /** Whether members may read there: a read role or Kubernetes read groups. */
    public boolean grantsRead() {
        return readRoleArn != null || !kubernetesGroups.isEmpty();
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("identity.mappings: a mapping needs a " + what);
        }
        return value.strip();
    }

    private static String requireRoleArn(String arn, String what, String group, String environment) {
        if (arn == null) {
            return null;
        }
        String stripped = arn.strip();
        if (!ROLE_ARN.matcher(stripped).matches()) {
            throw new IllegalArgumentException("identity.mappings: group " + group + " in " + environment + ": " + what
                    + " '" + arn + "' is not an IAM role ARN; write arn:aws:iam::<12-digit account>:role/<name>");
        }
        return stripped;
    }
}
