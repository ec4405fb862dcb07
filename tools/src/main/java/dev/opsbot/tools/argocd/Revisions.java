package dev.opsbot.tools.argocd;

import java.util.regex.Pattern;

/** How revisions read in sentences: {@code git abc1234} for commits, {@code revision 1.4.2} for chart versions. */
final class Revisions {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private Revisions() {}

    static String describe(String revision) {
        if (revision.isEmpty()) {
            return "an unknown revision";
        }
        return COMMIT.matcher(revision).matches() ? "git " + revision.substring(0, 7) : "revision " + revision;
    }

    static boolean isCommit(String revision) {
        return COMMIT.matcher(revision).matches();
    }
}
