package dev.opsbot.identity.mapping;

import dev.opsbot.core.identity.Resolution.RefusalKind;
import dev.opsbot.core.identity.Resolution.Refused;
import dev.opsbot.identity.directory.DirectoryUnavailableException;
import java.util.List;

/**
 * The answers a person gets when opsbot cannot map them: each says why in their terms and who to ask for what.
 * Written once here so that every refusal names the same contact and the same groups.
 */
final class Refusals {
    private final String contact;
    private final GroupMappings mappings;

    Refusals(String contact, GroupMappings mappings) {
        this.contact = contact;
        this.mappings = mappings;
    }

    Refused noEmail(String platform, String name) {
        String shown = platformName(platform);
        String remedy = platform.equals("slack")
                ? "Ask " + contact + " to let opsbot see e-mail addresses on Slack: the Slack app needs the "
                        + "users:read.email scope."
                : "Ask " + contact + " to make sure " + shown + " shows opsbot your e-mail address.";
        return new Refused(
                RefusalKind.NO_EMAIL,
                "I don't know who " + name + " is: " + shown
                        + " shows no e-mail address for them, and opsbot maps people by e-mail",
                remedy);
    }

    Refused notInDirectory(String email, String directory) {
        return new Refused(
                RefusalKind.NOT_IN_DIRECTORY,
                email + " is not mapped to any cloud identity: " + directory + " has no user with this e-mail",
                addToAGroup(email));
    }

    Refused noMappedGroup(String email, List<String> groups) {
        return new Refused(
                RefusalKind.NO_MAPPED_GROUP,
                email + " is not mapped to any cloud identity: none of their groups ("
                        + (groups.isEmpty() ? "none" : String.join(", ", groups)) + ") is mapped in opsbot",
                addToAGroup(email));
    }

    Refused unavailable(DirectoryUnavailableException e) {
        if (e.retriable()) {
            return new Refused(
                    RefusalKind.DIRECTORY_UNAVAILABLE,
                    "I couldn't check who you are: " + e.getMessage() + "; try again in a minute",
                    "If it keeps failing, tell " + contact + ".");
        }
        return new Refused(
                RefusalKind.DIRECTORY_UNAVAILABLE,
                "I couldn't check who you are: " + e.getMessage(),
                "Tell " + contact + ": opsbot's own setup needs fixing, and trying again will not help.");
    }

    String howToGetAccess(String environment) {
        List<String> groups = mappings.groupsGranting(environment);
        if (groups.isEmpty()) {
            return "No group grants access in " + environment + " yet: ask " + contact
                    + " to map one in opsbot's identity.mappings.";
        }
        return "Ask " + contact + " to add you to " + either(groups) + " ("
                + (groups.size() == 1 ? "the group that grants" : "groups that grant") + " read in " + environment
                + ").";
    }

    private String addToAGroup(String email) {
        List<String> groups = mappings.groupsGrantingRead();
        return switch (groups.size()) {
            case 0 -> "Ask " + contact + " to map a group in opsbot's identity.mappings and add " + email + " to it.";
            case 1 -> "Ask " + contact + " to add " + email + " to " + groups.getFirst() + ", the group opsbot maps.";
            default ->
                "Ask " + contact + " to add " + email + " to one of the groups opsbot maps: "
                        + String.join(", ", groups) + ".";
        };
    }

    /** "a", "a or b", "a, b or c". */
    private static String either(List<String> groups) {
        if (groups.size() == 1) {
            return groups.getFirst();
        }
        return String.join(", ", groups.subList(0, groups.size() - 1)) + " or " + groups.getLast();
    }

    private static String platformName(String platform) {
        return switch (platform) {
            case "slack" -> "Slack";
            case "teams" -> "Microsoft Teams";
            case "console" -> "the web console";
            default -> platform;
        };
    }
}
