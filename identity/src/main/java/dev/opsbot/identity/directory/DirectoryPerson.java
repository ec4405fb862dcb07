package dev.opsbot.identity.directory;

import dev.opsbot.core.identity.DirectorySource;
import java.util.List;
import java.util.Objects;

/**
 * A person as a directory knows them.
 *
 * @param source the directory that vouched for them
 * @param userId the directory's own user id; null when it has none (static configuration)
 * @param displayName how the directory names them; null when it does not say
 * @param groups their groups, as display names (what group mappings are written against)
 */
public record DirectoryPerson(DirectorySource source, String userId, String displayName, List<String> groups) {
    public DirectoryPerson {
        Objects.requireNonNull(source, "source");
        groups = List.copyOf(groups);
    }
}
