package dev.opsbot.app.config;

import static dev.opsbot.app.config.ConfigFixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity section: refuse-by-default, the demo's people, and the mistakes a file can make. */
class IdentityConfigTest {
    @TempDir
    Path dir;

    @Test
    void byDefaultNobodyIsMappedAndTheDemoMapsAliceAndBobOnly() {
        IdentityConfig defaults = IdentityConfig.defaults();
        assertThat(defaults.mapsAnyone()).isFalse();

        IdentityConfig demo =
                OpsbotConfig.defaults().withDemoPeopleUnlessMapped().identity();

        assertThat(demo.mapsAnyone()).isTrue();
        assertThat(demo.people())
                .extracting(StaticPersonConfig::email)
                .containsExactly("alice@example.com", "bob@example.com");
        assertThat(demo.mappings())
                .filteredOn(GroupMappingConfig::approver)
                .extracting(GroupMappingConfig::group)
                .containsExactly("sre-leads");
        assertThat(demo.contact()).isEqualTo("#platform-access");
    }

    @Test
    void aConfigurationThatMapsPeopleKeepsItsOwnInTheDemo() {
        OpsbotConfig own = loadYaml(dir, """
                identity:
                  mappings:
                    - {group: devs, readRole: "arn:aws:iam::111111111111:role/r"}
                  people:
                    - {email: dan@example.com, groups: [devs]}
                """);

        assertThat(own.withDemoPeopleUnlessMapped().identity().people())
                .extracting(StaticPersonConfig::email)
                .containsExactly("dan@example.com");
    }

    @Test
    void theFileIsReadWithChannelsMappingsAndPeople() {
        OpsbotConfig config = loadYaml(dir, """
                identity:
                  contact: "#platform-access"
                  environment: production
                  channels:
                    - {channel: inc-staging, environment: staging}
                  cacheTtl: 30m
                  identityCenter: {enabled: true, identityStoreId: d-1234567890, region: eu-west-1}
                  sts: {readSession: 1h, refreshBefore: 5m}
                  mappings:
                    - group: shop-oncall
                      readRole: arn:aws:iam::111111111111:role/opsbot-read
                      kubernetesGroups: [oncall]
                    - group: staging-devs
                      environment: staging
                      kubernetesGroups: [devs]
                      approver: true
                """);

        IdentityConfig identity = config.identity();
        assertThat(identity.channels()).containsEntry("inc-staging", "staging");
        assertThat(identity.cacheTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(identity.identityCenter().identityStoreId()).isEqualTo("d-1234567890");
        assertThat(identity.sts().readSession()).isEqualTo(Duration.ofHours(1));
        assertThat(identity.sts().writeSession()).isEqualTo(Duration.ofMinutes(15));
        assertThat(identity.mappings().get(0).environment())
                .as("defaults to identity.environment")
                .isEqualTo("production");
        assertThat(identity.mappings().get(1).approver()).isTrue();
        assertThat(identity.mapsAnyone()).isTrue();
    }

    @Test
    void aRoleThatIsNotARoleArnIsRefusedWithTheShapeToWrite() {
        assertThatThrownBy(() -> loadYaml(dir, """
                identity:
                  mappings:
                    - {group: devs, readRole: "arn:aws:iam::1111:user/alice"}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("identity.mappings[0].readRole")
                .hasMessageContaining("is not an IAM role ARN")
                .hasMessageContaining("arn:aws:iam::<12-digit account>:role/<name>");
    }

    @Test
    void aMappingThatGrantsNothingToReadWithIsRefused() {
        assertThatThrownBy(() -> loadYaml(dir, """
                identity:
                  mappings:
                    - {group: devs, writeRole: "arn:aws:iam::111111111111:role/w"}
                """))
                .hasMessageContaining("identity.mappings[0].readRole")
                .hasMessageContaining("grants nothing to read with");
    }

    @Test
    void identityCenterNeedsItsStoreIdAndAValidOne() {
        assertThatThrownBy(() -> new IdentityCenterConfig(true, null, null))
                .hasMessageStartingWith("identity.identityCenter.identityStoreId: is not set");
        assertThatThrownBy(() -> new IdentityCenterConfig(true, "arn:aws:sso:::instance/x", null))
                .hasMessageContaining("is not an identity store id");
    }

    @Test
    void aSessionShorterThanStsAllowsIsRefused() {
        assertThatThrownBy(
                        () -> new StsConfig(null, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(2)))
                .hasMessageStartingWith("identity.sts.readSession: \"5m\" is shorter than 15m");
    }

    @Test
    void aPersonListedTwiceOrWithoutGroupsIsRefused() {
        assertThatThrownBy(() -> loadYaml(dir, """
                identity:
                  people:
                    - {email: a@example.com, groups: [x]}
                    - {email: A@example.com, groups: [y]}
                """))
                .hasMessageContaining("identity.people[1].email")
                .hasMessageContaining("is listed twice");
        assertThatThrownBy(() -> loadYaml(dir, """
                identity:
                  people:
                    - {email: a@example.com}
                """))
                .hasMessageContaining("identity.people[0].groups")
                .hasMessageContaining("is empty");
    }

    @Test
    void aMisspeltKeyIsNamed() {
        assertThatThrownBy(() -> loadYaml(dir, """
                identity:
                  mapings: []
                """)).hasMessageContaining("identity.mapings");
    }
}
