package dev.opsbot.identity.directory;

import java.util.Optional;

/**
 * Where people are looked up by e-mail: IAM Identity Center, opsbot's configuration, or both in a chain. A miss is an
 * answer ({@link Optional#empty()}); a directory that cannot be asked throws, so that "not in the directory" is never
 * said of a person only because the directory was down.
 */
@FunctionalInterface
public interface Directory {
    /**
     * @param email the e-mail address the chat platform shows for the person
     * @throws DirectoryUnavailableException when the directory cannot be asked (timeout, throttling, outage, or a
     *     permission opsbot itself lacks)
     */
    Optional<DirectoryPerson> find(String email);

    /** The directory's name in a sentence ("IAM Identity Center (d-1234567890) has no user with this e-mail"). */
    default String description() {
        return "the directory";
    }
}
