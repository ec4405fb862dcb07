package dev.opsbot.identity.directory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks each directory in order; the first that knows the person wins. Put opsbot's configuration first so that an
 * entry there overrides Identity Center. A directory that cannot be asked stops the chain: a later one must not
 * answer for a person an earlier one might have known differently.
 */
public final class ChainedDirectory implements Directory {
    private final List<Directory> directories;

    public ChainedDirectory(List<Directory> directories) {
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("a chain of directories needs at least one directory");
        }
        this.directories = List.copyOf(directories);
    }

    public static ChainedDirectory of(Directory... directories) {
        return new ChainedDirectory(List.of(directories));
    }

    @Override
    public Optional<DirectoryPerson> find(String email) {
        for (Directory directory : directories) {
            Optional<DirectoryPerson> person = directory.find(email);
            if (person.isPresent()) {
                return person;
            }
        }
        return Optional.empty();
    }

    /** "opsbot's configuration (identity.people) or IAM Identity Center (d-…)": none of them has the person. */
    @Override
    public String description() {
        return directories.stream().map(Directory::description).collect(Collectors.joining(" or "));
    }
}
