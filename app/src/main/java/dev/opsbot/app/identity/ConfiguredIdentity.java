package dev.opsbot.app.identity;

import dev.opsbot.app.config.ConfigException;
import dev.opsbot.app.config.GroupMappingConfig;
import dev.opsbot.app.config.IdentityConfig;
import dev.opsbot.app.config.StaticPersonConfig;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.identity.PlatformUsers;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.identity.directory.ChainedDirectory;
import dev.opsbot.identity.directory.Directory;
import dev.opsbot.identity.directory.IdentityCenterDirectory;
import dev.opsbot.identity.directory.StaticDirectory;
import dev.opsbot.identity.directory.StaticPerson;
import dev.opsbot.identity.mapping.GroupMapping;
import dev.opsbot.identity.mapping.GroupMappings;
import dev.opsbot.identity.mapping.MappingResolver;
import dev.opsbot.identity.sts.StsClients;
import dev.opsbot.identity.sts.StsCredentialBroker;
import dev.opsbot.identity.sts.StsSettings;
import dev.opsbot.tools.guard.AwsGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The identity module wired from {@code identity:} in the config: people from the configuration, then IAM Identity
 * Center; group mappings; the database cache; STS with opsbot's own identity from the AWS SDK's default chain.
 */
public final class ConfiguredIdentity implements AutoCloseable {
    private final Acting acting;
    private final CredentialBroker broker;
    private final String description;
    private final List<AutoCloseable> resources;

    private ConfiguredIdentity(
            Acting acting, CredentialBroker broker, String description, List<AutoCloseable> resources) {
        this.acting = acting;
        this.broker = broker;
        this.description = description;
        this.resources = resources;
    }

    public static ConfiguredIdentity create(IdentityConfig config, IdentityCache cache, AuditLog audit, Clock clock) {
        return create(config, cache, audit, clock, TransportGuard.defaults());
    }

    /** @param guard the guardrails every AWS call opsbot makes for identity (STS, Identity Center) passes */
    public static ConfiguredIdentity create(
            IdentityConfig config, IdentityCache cache, AuditLog audit, Clock clock, TransportGuard guard) {
        return create(config, cache, audit, clock, guard, PlatformUsers.NONE);
    }

    /** @param platformUsers where a chat user's e-mail comes from when their event carried none (Slack) */
    public static ConfiguredIdentity create(
            IdentityConfig config,
            IdentityCache cache,
            AuditLog audit,
            Clock clock,
            TransportGuard guard,
            PlatformUsers platformUsers) {
        List<ExecutionInterceptor> guarded = List.of(new AwsGuard(guard, config.environment()));
        List<AutoCloseable> resources = new ArrayList<>();
        List<Directory> directories = new ArrayList<>();
        directories.add(new StaticDirectory(
                config.people().stream().map(ConfiguredIdentity::person).toList()));
        if (config.identityCenter().enabled()) {
            IdentityCenterDirectory identityCenter = identityCenter(config, guarded);
            resources.add(identityCenter);
            directories.add(identityCenter);
        }
        MappingResolver resolver = new MappingResolver(
                new ChainedDirectory(directories),
                new GroupMappings(config.mappings().stream()
                        .map(ConfiguredIdentity::mapping)
                        .toList()),
                cache,
                config.cacheTtl(),
                clock,
                config.contact());
        StsSettings settings = new StsSettings(
                config.sts().readSession(),
                config.sts().writeSession(),
                config.sts().refreshBefore());
        LazyBroker broker = new LazyBroker(() -> {
            StsClient sts = StsClients.create(stsRegion(config.sts().region()), null, null, guarded);
            return new LazyBroker.Built(new StsCredentialBroker(sts, audit, clock, settings), sts);
        });
        resources.add(broker);
        Acting acting =
                new Acting(resolver, broker, new Environments(config.environment(), config.channels()), platformUsers);
        return new ConfiguredIdentity(acting, broker, describe(config), resources);
    }

    public Acting acting() {
        return acting;
    }

    /** The credential broker: read sessions through {@link #acting()}, write sessions for approved proposals. */
    public CredentialBroker broker() {
        return broker;
    }

    /** One line for the start-up log: where people come from and how many mappings. */
    public String description() {
        return description;
    }

    private static String describe(IdentityConfig config) {
        List<String> directories = new ArrayList<>();
        if (!config.people().isEmpty()) {
            directories.add(config.people().size() + " people from the configuration");
        }
        if (config.identityCenter().enabled()) {
            directories.add("IAM Identity Center " + config.identityCenter().identityStoreId());
        }
        if (!config.mapsAnyone()) {
            return "nobody is mapped (identity.mappings and identity.people or identityCenter): every question is"
                    + " refused; see docs/identity.md";
        }
        return String.join(" and ", directories) + ", " + config.mappings().size() + " group mappings, questions in "
                + config.environment() + (config.channels().isEmpty() ? "" : " unless the channel says otherwise");
    }

    private static StaticPerson person(StaticPersonConfig person) {
        return new StaticPerson(person.email(), person.name(), person.groups());
    }

    private static GroupMapping mapping(GroupMappingConfig mapping) {
        return new GroupMapping(
                mapping.group(),
                mapping.environment(),
                mapping.readRole(),
                mapping.writeRole(),
                mapping.kubernetesGroups(),
                mapping.kubernetesWriteGroups(),
                mapping.approver());
    }

    private static IdentityCenterDirectory identityCenter(IdentityConfig config, List<ExecutionInterceptor> guarded) {
        try {
            return IdentityCenterDirectory.create(
                    config.identityCenter().identityStoreId(),
                    region(config.identityCenter().region()),
                    null,
                    null,
                    null,
                    guarded);
        } catch (SdkException e) {
            // at start, where a missing region is a setup mistake, not something to discover at 3 am
            throw new ConfigException(
                    "identity.identityCenter.region",
                    config.identityCenter().region(),
                    "could not be used to reach IAM Identity Center (" + e.getMessage() + ")",
                    "set identity.identityCenter.region to the Identity Center's home region, or AWS_REGION");
        }
    }

    /**
     * The configured region, else the SDK's chain ({@code AWS_REGION}, the profile, the instance), else STS's global
     * endpoint: STS answers everywhere, and an action that needs no AWS session must not fail for want of a region.
     */
    private static Region stsRegion(String configured) {
        if (configured != null) {
            return Region.of(configured);
        }
        try {
            return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException noRegion) {
            return Region.AWS_GLOBAL;
        }
    }

    private static Region region(String region) {
        return region == null ? null : Region.of(region);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // best effort: one client failing to close must not keep the others open
            }
        }
    }
}
