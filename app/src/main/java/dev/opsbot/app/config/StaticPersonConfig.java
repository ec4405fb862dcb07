package dev.opsbot.app.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A person named in the configuration, for teams without IAM Identity Center (and for the demo). Their groups map
 * to access through {@code identity.mappings} like directory groups do; a person listed here wins over Identity
 * Center.
 */
public record StaticPersonConfig(String email, String name, List<String> groups) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public StaticPersonConfig {
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    static StaticPersonConfig from(ConfigNode node) {
        String email = Checks.text(node.key("email"), node.text("email"), "give the person's e-mail address");
        if (!EMAIL.matcher(email).matches()) {
            throw new ConfigException(node.key("email"), email, "is not an e-mail address", "use name@domain");
        }
        List<String> groups = node.strings("groups", List.of());
        if (groups.isEmpty()) {
            throw new ConfigException(
                    node.key("groups"), "[]", "is empty", "list the groups (from identity.mappings) the person is in");
        }
        StaticPersonConfig person = new StaticPersonConfig(email, node.text("name"), groups);
        node.rejectUnknown();
        return person;
    }
}
