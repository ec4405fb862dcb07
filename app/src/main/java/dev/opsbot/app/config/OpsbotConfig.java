package dev.opsbot.app.config;

import java.util.Objects;

/**
 * Everything opsbot is configured with, read once at start by {@link ConfigLoader} and immutable afterwards.
 * {@link #defaults()} is a complete configuration: {@code opsbot demo} runs on it with no file at all, turning the
 * web console on ({@link #withConsoleEnabled()}), which is off by default.
 */
public record OpsbotConfig(
        ServerConfig server,
        DatabaseConfig database,
        ConsoleConfig console,
        DispatcherConfig dispatcher,
        LoggingConfig logging,
        LlmConfig llm,
        SlackConfig slack,
        TeamsConfig teams,
        TriageConfig triage,
        SourcesConfig sources,
        IdentityConfig identity,
        ApprovalConfig approval,
        PolicyConfig policy,
        MemoryConfig memory,
        HandoffConfig handoff) {

    public OpsbotConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(handoff, "handoff");
        requireConsoleProtected(server, console);
    }

    public static OpsbotConfig defaults() {
        return new OpsbotConfig(
                ServerConfig.defaults(),
                DatabaseConfig.defaults(),
                ConsoleConfig.defaults(),
                DispatcherConfig.defaults(),
                LoggingConfig.defaults(),
                LlmConfig.defaults(),
                SlackConfig.defaults(),
                TeamsConfig.defaults(),
                TriageConfig.defaults(),
                SourcesConfig.defaults(),
                IdentityConfig.defaults(),
                ApprovalConfig.defaults(),
                PolicyConfig.defaults(),
                MemoryConfig.defaults(),
                HandoffConfig.defaults());
    }

    /** This configuration listening on {@code port} instead, for {@code --port}, which beats file and environment. */
    public OpsbotConfig withPort(int port) {
        return with(server.withPort(port), console, identity, llm, memory);
    }

    /** This configuration with {@code channel} first among the console's channels (the demo's incident channel). */
    public OpsbotConfig withConsoleChannelFirst(String channel) {
        java.util.List<String> channels = new java.util.ArrayList<>(console.channels());
        channels.remove(channel);
        channels.addFirst(channel);
        return with(server, new ConsoleConfig(console.enabled(), channels, console.users()), identity, llm, memory);
    }

    /**
     * This configuration with the web console on (the demo, which is played in it). Checked again like a file: on
     * a host other than loopback it needs {@code server.consoleToken}.
     */
    public OpsbotConfig withConsoleEnabled() {
        return with(server, console.on(), identity, llm, memory);
    }

    /** Whether people can reach opsbot at all: through Slack, Teams or the web console. */
    public boolean hasChatPlatform() {
        return console.enabled() || slack.configured() || teams.configured();
    }

    /**
     * Refuses a configuration in which no one could talk to opsbot: now that the console is off by default, a
     * {@code serve} without Slack's or Teams' keys would otherwise start and wait for messages that never come.
     */
    public void requireChatPlatform() {
        if (!hasChatPlatform()) {
            throw new ConfigException(
                    "console.enabled",
                    "false",
                    "means no web console, and neither slack.botToken nor teams.appId is set, so opsbot would have no"
                            + " chat platform to listen on",
                    "set slack.botToken" + EnvOverrides.hint("slack.botToken") + " for Slack, teams.appId"
                            + EnvOverrides.hint("teams.appId") + " for Teams, or console.enabled: true for the web"
                            + " console, which is off by default because it has no login (opsbot demo turns it on)");
        }
    }

    /** This configuration with {@code identity} instead. */
    public OpsbotConfig withIdentity(IdentityConfig identity) {
        return with(server, console, identity, llm, memory);
    }

    /** This configuration with {@code memory} instead (the demo's runbooks). */
    public OpsbotConfig withMemory(MemoryConfig memory) {
        return with(server, console, identity, llm, memory);
    }

    /** This configuration with {@code llm} instead: a model to reason with, or none. */
    public OpsbotConfig withLlm(LlmConfig llm) {
        return with(server, console, identity, llm, memory);
    }

    /** The one place a changed copy is made: a new section is added here once, not in every wither. */
    private OpsbotConfig with(
            ServerConfig server, ConsoleConfig console, IdentityConfig identity, LlmConfig llm, MemoryConfig memory) {
        return new OpsbotConfig(
                server,
                database,
                console,
                dispatcher,
                logging,
                llm,
                slack,
                teams,
                triage,
                sources,
                identity,
                approval,
                policy,
                memory,
                handoff);
    }

    /** The demo's alice and bob ({@link IdentityConfig#withDemoPeople()}), unless this configuration maps people. */
    public OpsbotConfig withDemoPeopleUnlessMapped() {
        return identity.mapsAnyone() ? this : withIdentity(identity.withDemoPeople());
    }

    /**
     * Anyone who can reach the web console can post as any console user, and so ask opsbot, and approve its
     * actions, as that person. On loopback that is only people already on the machine; anywhere else it takes a
     * token. (Slack and Teams endpoints verify their own signatures and need none.)
     */
    private static void requireConsoleProtected(ServerConfig server, ConsoleConfig console) {
        if (console.enabled() && !server.loopback() && server.consoleToken() == null) {
            throw new ConfigException(
                    "server.host",
                    server.host(),
                    "is not a loopback address, and the web console has no authentication of its own",
                    "binding to " + server.host() + " needs server.consoleToken"
                            + EnvOverrides.hint("server.consoleToken")
                            + "; otherwise use 127.0.0.1, or set console.enabled: false");
        }
    }

    static OpsbotConfig from(ConfigNode root) {
        // take every section first, so a misspelt section name is reported before anything inside the others
        ConfigNode server = root.section("server");
        ConfigNode database = root.section("database");
        ConfigNode console = root.section("console");
        ConfigNode dispatcher = root.section("dispatcher");
        ConfigNode logging = root.section("logging");
        ConfigNode llm = root.section("llm");
        ConfigNode slack = root.section("slack");
        ConfigNode teams = root.section("teams");
        ConfigNode triage = root.section("triage");
        ConfigNode sources = root.section("sources");
        ConfigNode identity = root.section("identity");
        ConfigNode approval = root.section("approval");
        ConfigNode policy = root.section("policy");
        ConfigNode memory = root.section("memory");
        ConfigNode handoff = root.section("handoff");
        root.rejectUnknown();
        return new OpsbotConfig(
                ServerConfig.from(server),
                DatabaseConfig.from(database),
                ConsoleConfig.from(console),
                DispatcherConfig.from(dispatcher),
                LoggingConfig.from(logging),
                LlmConfig.from(llm),
                SlackConfig.from(slack),
                TeamsConfig.from(teams),
                TriageConfig.from(triage),
                SourcesConfig.from(sources),
                IdentityConfig.from(identity),
                ApprovalConfig.from(approval),
                PolicyConfig.from(policy),
                MemoryConfig.from(memory),
                HandoffConfig.from(handoff));
    }
}
