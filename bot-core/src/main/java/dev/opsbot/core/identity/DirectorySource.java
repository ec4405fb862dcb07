package dev.opsbot.core.identity;

/** Which directory vouched for a person. */
public enum DirectorySource {
    /** AWS IAM Identity Center's identity store: the user found by e-mail, groups by membership. */
    IDENTITY_CENTER("IAM Identity Center"),
    /** {@code identity.people} in opsbot's configuration, for teams without Identity Center. */
    STATIC("opsbot's configuration");

    private final String description;

    DirectorySource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
