package dev.opsbot.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web console: a local chat platform in the browser, so opsbot can be tried and tested without Slack or Teams.
 * Its users and channels are configured here, not signed up for. It is off unless turned on: it has no login, so
 * whoever reaches it posts, and approves, as any of its users. {@code opsbot demo} turns it on.
 *
 * @param channels the channels the console offers, without '#'
 * @param users who one can post as; given in the file, they replace the default users rather than adding to them
 */
public record ConsoleConfig(boolean enabled, List<String> channels, List<ConsoleUser> users) {
    public static final List<String> DEFAULT_CHANNELS = List.of("incident-checkout", "general");
    public static final List<ConsoleUser> DEFAULT_USERS = List.of(
            new ConsoleUser("alice", "Alice Chen", "alice@example.com", "on-call engineer"),
            new ConsoleUser("bob", "Bob Okafor", "bob@example.com", "SRE lead"),
            new ConsoleUser("mallory", "Mallory", "mallory@example.com", "not mapped to anyone"));

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public ConsoleConfig {
        channels = List.copyOf(channels == null ? List.of() : channels);
        users = List.copyOf(users == null ? List.of() : users);
        checkChannels(channels);
        checkUsers(users);
        if (enabled && channels.isEmpty()) {
            throw new ConfigException(
                    "console.channels", "[]", "is empty", "list at least one channel, or set console.enabled: false");
        }
        if (enabled && users.isEmpty()) {
            throw new ConfigException(
                    "console.users",
                    "[]",
                    "is empty",
                    "list at least one user to post as, or set console.enabled: false");
        }
    }

    public static ConsoleConfig defaults() {
        return new ConsoleConfig(false, DEFAULT_CHANNELS, DEFAULT_USERS);
    }

    /** The same channels and users, served. */
    public ConsoleConfig on() {
        return new ConsoleConfig(true, channels, users);
    }

    /** The console user with this id, if there is one. */
    public Optional<ConsoleUser> user(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    private static void checkChannels(List<String> channels) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String key = "console.channels[" + i + "]";
            Checks.name(key, channels.get(i), "channel");
            if (!seen.add(channels.get(i))) {
                throw new ConfigException(key, channels.get(i), "is listed twice", "list each channel once");
            }
        }
    }

    private static void checkUsers(List<ConsoleUser> users) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConsoleUser user = users.get(i);
            String key = "console.users[" + i + "]";
            Checks.name(key + ".id", user.id(), "user id");
            if (!seen.add(user.id())) {
                throw new ConfigException(
                        key + ".id",
                        user.id(),
                        "is the id of an earlier user too",
                        "give every console user a different id");
            }
            if (user.email() != null && !EMAIL.matcher(user.email()).matches()) {
                throw new ConfigException(
                        key + ".email",
                        user.email(),
                        "is not an email address",
                        "use name@domain, or leave email out for a user mapped to no one");
            }
        }
    }

    static ConsoleConfig from(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        List<String> channels = node.strings("channels", DEFAULT_CHANNELS);
        List<ConfigNode> userNodes = node.sections("users");
        List<ConsoleUser> users = userNodes == null
                ? DEFAULT_USERS
                : userNodes.stream().map(ConsoleUser::from).toList();
        node.rejectUnknown();
        return new ConsoleConfig(enabled, channels, users);
    }
}
