package dev.opsbot.app.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who opsbot acts as: people are looked up by e-mail ({@code people} first, then IAM Identity Center), and their
 * groups map to roles and Kubernetes groups per environment. Nothing is mapped by default: with no mappings opsbot
 * refuses everyone, and says whom to ask.
 *
 * @param contact who people should ask for access, shown in every refusal ({@code #platform-access})
 * @param environment the environment questions are investigated in, unless the channel is mapped to another
 * @param channels channel → environment, for channels about another environment than the default
 * @param cacheTtl how long a resolved person is kept before the directory is asked again
 */
public record IdentityConfig(
        String contact,
        String environment,
        Map<String, String> channels,
        Duration cacheTtl,
        IdentityCenterConfig identityCenter,
        StsConfig sts,
        List<GroupMappingConfig> mappings,
        List<StaticPersonConfig> people) {
    public static final String DEFAULT_CONTACT = "your platform team";
    public static final String DEFAULT_ENVIRONMENT = "production";
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);
    static final DurationRule CACHE_TTL = new DurationRule(Duration.ofMinutes(1), Duration.ofHours(24));

    public IdentityConfig {
        contact = Checks.text("identity.contact", contact, "name who grants access, such as #platform-access");
        environment = Checks.name("identity.environment", environment, "environment");
        channels = Map.copyOf(channels == null ? Map.of() : channels);
        cacheTtl = CACHE_TTL.check("identity.cacheTtl", cacheTtl);
        mappings = List.copyOf(mappings == null ? List.of() : mappings);
        people = List.copyOf(people == null ? List.of() : people);
        checkPeopleOnce(people);
    }

    public static IdentityConfig defaults() {
        return new IdentityConfig(
                DEFAULT_CONTACT,
                DEFAULT_ENVIRONMENT,
                Map.of(),
                DEFAULT_CACHE_TTL,
                IdentityCenterConfig.defaults(),
                StsConfig.defaults(),
                List.of(),
                List.of());
    }

    /**
     * The demo's people, mapped through configuration: alice is on call for the shop, bob leads SRE and may approve;
     * mallory is in no group and stays unmapped. Used only by {@code opsbot demo}, and only when the configuration
     * maps no one itself: {@code serve} never maps anyone it was not told to.
     */
    public IdentityConfig withDemoPeople() {
        String account = "arn:aws:iam::123456789012:role/";
        return new IdentityConfig(
                DEFAULT_CONTACT.equals(contact) ? "#platform-access" : contact,
                environment,
                channels,
                cacheTtl,
                identityCenter,
                sts,
                List.of(
                        new GroupMappingConfig(
                                "shop-oncall",
                                environment,
                                account + "opsbot-read-oncall",
                                account + "opsbot-write-oncall",
                                List.of("shop-oncall"),
                                List.of("shop-deployers"),
                                false),
                        new GroupMappingConfig(
                                "sre-leads",
                                environment,
                                account + "opsbot-read-sre",
                                account + "opsbot-write-sre",
                                List.of("sre"),
                                List.of("sre-deployers"),
                                true)),
                List.of(
                        new StaticPersonConfig("alice@example.com", "Alice Chen", List.of("shop-oncall")),
                        new StaticPersonConfig("bob@example.com", "Bob Okafor", List.of("sre-leads"))));
    }

    /** Whether anyone at all can be mapped: without mappings every question is refused. */
    public boolean mapsAnyone() {
        return !mappings.isEmpty() && (identityCenter.enabled() || !people.isEmpty());
    }

    private static void checkPeopleOnce(List<StaticPersonConfig> people) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            String email = people.get(i).email().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(email)) {
                throw new ConfigException(
                        "identity.people[" + i + "].email", email, "is listed twice", "list each person once");
            }
        }
    }

    static IdentityConfig from(ConfigNode node) {
        ConfigNode identityCenter = node.section("identityCenter");
        ConfigNode sts = node.section("sts");
        String environment = node.string("environment", DEFAULT_ENVIRONMENT);
        Map<String, String> channels = new LinkedHashMap<>();
        List<ConfigNode> channelNodes = node.sections("channels");
        if (channelNodes != null) {
            for (ConfigNode channel : channelNodes) {
                String name = Checks.name(channel.key("channel"), channel.text("channel"), "channel");
                String env = Checks.name(channel.key("environment"), channel.text("environment"), "environment");
                channel.rejectUnknown();
                channels.put(name, env);
            }
        }
        List<ConfigNode> mappingNodes = node.sections("mappings");
        List<ConfigNode> peopleNodes = node.sections("people");
        IdentityConfig config = new IdentityConfig(
                node.string("contact", DEFAULT_CONTACT),
                environment,
                channels,
                node.duration("cacheTtl", DEFAULT_CACHE_TTL, CACHE_TTL),
                IdentityCenterConfig.from(identityCenter),
                StsConfig.from(sts),
                mappingNodes == null
                        ? List.of()
                        : mappingNodes.stream()
                                .map(m -> GroupMappingConfig.from(m, environment))
                                .toList(),
                peopleNodes == null
                        ? List.of()
                        : peopleNodes.stream().map(StaticPersonConfig::from).toList());
        node.rejectUnknown();
        return config;
    }
}
