package dev.opsbot.identity.mapping;

import dev.opsbot.core.identity.EnvironmentAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured group mappings, in configuration order. A person in several mapped groups gets their union per
 * environment; where two mappings name different roles, the one configured first wins, so order the list from the
 * narrowest grant to the broadest.
 */
public final class GroupMappings {
    private final List<GroupMapping> mappings;

    public GroupMappings(List<GroupMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static GroupMappings of(GroupMapping... mappings) {
        return new GroupMappings(List.of(mappings));
    }

    /** What a person in {@code groups} may do, per environment in configuration order; empty when nothing maps. */
    public List<EnvironmentAccess> accessFor(Collection<String> groups) {
        Set<String> held = Set.copyOf(groups);
        Map<String, Merged> byEnvironment = new LinkedHashMap<>();
        for (GroupMapping mapping : mappings) {
            if (held.contains(mapping.group())) {
                byEnvironment
                        .computeIfAbsent(mapping.environment(), Merged::new)
                        .add(mapping);
            }
        }
        return byEnvironment.values().stream().map(Merged::access).toList();
    }

    /** The configured groups that grant read in {@code environment}, in configuration order. */
    public List<String> groupsGranting(String environment) {
        return mappings.stream()
                .filter(mapping -> mapping.environment().equals(environment) && mapping.grantsRead())
                .map(GroupMapping::group)
                .distinct()
                .toList();
    }

    /** The configured groups that grant read in any environment, in configuration order. */
    public List<String> groupsGrantingRead() {
        return mappings.stream()
                .filter(GroupMapping::grantsRead)
                .map(GroupMapping::group)
                .distinct()
                .toList();
    }

    /** One environment's mappings as they are merged. */
    private static final class Merged {
        private final String environment;
        private String readRoleArn;
        private String writeRoleArn;
        private final Set<String> kubernetesGroups = new LinkedHashSet<>();
        private final Set<String> kubernetesWriteGroups = new LinkedHashSet<>();
        private boolean approver;
        private final Set<String> grantedBy = new LinkedHashSet<>();

        Merged(String environment) {
            this.environment = environment;
        }

        void add(GroupMapping mapping) {
            readRoleArn = readRoleArn == null ? mapping.readRoleArn() : readRoleArn;
            writeRoleArn = writeRoleArn == null ? mapping.writeRoleArn() : writeRoleArn;
            kubernetesGroups.addAll(mapping.kubernetesGroups());
            kubernetesWriteGroups.addAll(mapping.kubernetesWriteGroups());
            approver |= mapping.approver();
            grantedBy.add(mapping.group());
        }

        EnvironmentAccess access() {
            return new EnvironmentAccess(
                    environment,
                    readRoleArn,
                    writeRoleArn,
                    new ArrayList<>(kubernetesGroups),
                    new ArrayList<>(kubernetesWriteGroups),
                    approver,
                    new ArrayList<>(grantedBy));
        }
    }
}
