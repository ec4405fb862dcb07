package dev.opsbot.app.config;

import java.util.List;

/**
 * What members of one directory group may do in one environment. A person in several mapped groups gets the union;
 * where two groups name different roles for an environment, the mapping listed first wins.
 *
 * @param group the directory group's display name (Identity Center) or a group named in {@code identity.people}
 * @param environment the environment this grants access in ({@code production})
 * @param readRole the IAM role reads are made in, as the person; null for no AWS reads
 * @param writeRole the IAM role an approved action is made in; null for no AWS writes
 * @param kubernetesGroups the groups Kubernetes reads impersonate, besides the person's e-mail
 * @param kubernetesWriteGroups the groups an approved Kubernetes action impersonates
 * @param approver whether members may approve other people's proposals in this environment
 */
public record GroupMappingConfig(
        String group,
        String environment,
        String readRole,
        String writeRole,
        List<String> kubernetesGroups,
        List<String> kubernetesWriteGroups,
        boolean approver) {
    public GroupMappingConfig {
        kubernetesGroups = List.copyOf(kubernetesGroups == null ? List.of() : kubernetesGroups);
        kubernetesWriteGroups = List.copyOf(kubernetesWriteGroups == null ? List.of() : kubernetesWriteGroups);
    }

    static GroupMappingConfig from(ConfigNode node, String defaultEnvironment) {
        GroupMappingConfig mapping = new GroupMappingConfig(
                Checks.text(node.key("group"), node.text("group"), "name the directory group, such as sre-oncall"),
                Checks.name(node.key("environment"), node.string("environment", defaultEnvironment), "environment"),
                RoleArns.check(node.key("readRole"), node.text("readRole")),
                RoleArns.check(node.key("writeRole"), node.text("writeRole")),
                node.strings("kubernetesGroups", List.of()),
                node.strings("kubernetesWriteGroups", List.of()),
                node.bool("approver", false));
        if (mapping.readRole() == null && mapping.kubernetesGroups().isEmpty()) {
            throw new ConfigException(
                    node.key("readRole"),
                    null,
                    "is not set, and neither is kubernetesGroups, so this mapping grants nothing to read with",
                    "give the group a readRole, kubernetesGroups, or both");
        }
        node.rejectUnknown();
        return mapping;
    }
}
