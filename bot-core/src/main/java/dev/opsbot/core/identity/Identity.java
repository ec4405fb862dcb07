package dev.opsbot.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat user resolved to a person in the organisation's directory, with the access the configured group mappings
 * give them in each environment. This is what {@code whoami} shows and what every credential is issued for.
 *
 * @param platform the chat platform the user was seen on ({@code slack}, {@code teams}, {@code console})
 * @param chatUserId the user's id on that platform
 * @param email the person's e-mail: the key into the directory, their Kubernetes user name and their STS source
 *     identity
 * @param displayName how chat shows the person
 * @param source which directory vouched for the person
 * @param directoryUserId the directory's own user id (Identity Center's user id); null for static configuration
 * @param groups the person's directory groups, as their display names
 * @param environments the person's access per environment, in configuration order
 * @param resolvedAt when the directory was asked
 */
public record Identity(
        String platform,
        String chatUserId,
        String email,
        String displayName,
        DirectorySource source,
        String directoryUserId,
        List<String> groups,
        List<EnvironmentAccess> environments,
        Instant resolvedAt) {
    public Identity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatUserId, "chatUserId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
        groups = List.copyOf(groups);
        environments = List.copyOf(environments);
    }

    public Optional<EnvironmentAccess> access(String environment) {
        return environments.stream()
                .filter(access -> access.environment().equals(environment))
                .findFirst();
    }

    /** The person as Kubernetes sees their reads in {@code environment}: their e-mail and mapped groups. */
    public Principal reader(String environment) {
        return new Principal(
                email,
                displayName,
                access(environment).map(EnvironmentAccess::kubernetesGroups).orElse(List.of()));
    }

    /** The person as Kubernetes sees an approved action: their e-mail and the mapped write groups. */
    public Principal writer(String environment) {
        return new Principal(
                email,
                displayName,
                access(environment)
                        .map(EnvironmentAccess::kubernetesWriteGroups)
                        .orElse(List.of()));
    }
}
