package dev.opsbot.tools.github;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.ObjectRef;
import java.util.Objects;
import java.util.regex.Pattern;

/** A repository as {@code owner/name}. */
public record RepoName(String owner, String name) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

    public RepoName {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (!PART.matcher(owner).matches() || !PART.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + owner + "/" + name + "' is not a repository name like owner/repo");
        }
    }

    /** Parses {@code owner/repo}; anything else is a BAD_REQUEST naming the value. */
    public static RepoName parse(String value) {
        int slash = value.indexOf('/');
        try {
            if (slash > 0 && slash == value.lastIndexOf('/')) {
                return new RepoName(value.substring(0, slash), value.substring(slash + 1));
            }
        } catch (IllegalArgumentException invalid) {
            // reported below
        }
        throw new SourceFailure(
                GitHubClient.SOURCE,
                SourceFailure.Kind.BAD_REQUEST,
                "'" + value + "' is not a repository name like owner/repo",
                null);
    }

    public ObjectRef ref() {
        return ObjectRef.of("Repository", "", toString());
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
