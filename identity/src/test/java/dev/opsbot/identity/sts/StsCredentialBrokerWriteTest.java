package dev.opsbot.identity.sts;

import static dev.opsbot.identity.sts.StsStub.assumeRole;
import static dev.opsbot.identity.sts.StsStub.assumeRoleCalls;
import static dev.opsbot.identity.sts.StsStub.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationGranted;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

class StsCredentialBrokerWriteTest {
    static final Instant NOW = People.RESOLVED;
    static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(15));
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"ecs:UpdateService\",\"ecs:DescribeServices\"],"
            + "\"Resource\":[\"arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout\"]}]}";

    @RegisterExtension
    static WireMockExtension sts = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort())
            .build();

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final StsClient client = StsStub.client(sts);
    final StsCredentialBroker broker = new StsCredentialBroker(client, audit, clock, StsSettings.defaults());

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void anApprovedAwsActionAssumesTheWriteRoleAsTheRequesterAllowingExactlyThatAction() throws Exception {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        WriteSession session = broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT));

        Map<String, String> call = StsStub.lastCall(sts);
        assertThat(call)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("Action", "AssumeRole"),
                        entry("Version", "2011-06-15"),
                        entry("RoleArn", People.WRITE_ROLE),
                        entry("RoleSessionName", "opsbot-w-alice-prop-7f3a"),
                        entry("SourceIdentity", "alice@example.com"),
                        entry("DurationSeconds", "900"),
                        entry("Policy", POLICY),
                        entry("Tags.member.1.Key", "opsbot:approver"),
                        entry("Tags.member.1.Value", "bob@example.com"),
                        entry("Tags.member.2.Key", "opsbot:proposal"),
                        entry("Tags.member.2.Value", "prop-7f3a"),
                        entry("Tags.member.3.Key", "opsbot:thread"),
                        entry("Tags.member.3.Value", "1712345678.000100"),
                        entry("Tags.member.4.Key", "opsbot:channel"),
                        entry("Tags.member.4.Value", "inc-checkout"),
                        entry("Tags.member.5.Key", "opsbot:chat-user"),
                        entry("Tags.member.5.Value", "console:alice")));
        var json = new ObjectMapper();
        assertThat(json.readTree(call.get("Policy"))).isEqualTo(json.readTree("""
                        {"Version": "2012-10-17",
                         "Statement": [{"Effect": "Allow",
                                        "Action": ["ecs:UpdateService", "ecs:DescribeServices"],
                                        "Resource": ["arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout"]}]}
                        """));
        assertThat(session.kubernetes())
                .isEqualTo(new Principal("alice@example.com", "Alice Chen", List.of("oncall-deployers")));
        assertThat(session.aws())
                .isEqualTo(new SessionCredentials(
                        StsStub.ACCESS_KEY, StsStub.SECRET_KEY, StsStub.SESSION_TOKEN, EXPIRES, People.WRITE_ROLE));
    }

    @Test
    void anAwsWriteIsRecordedWithApproverProposalAndTheAllowedActions() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT));

        assertThat(audit.events())
                .containsExactly(new ElevationGranted(
                        NOW,
                        "alice@example.com",
                        AuditEvent.Mode.WRITE,
                        "production",
                        People.WRITE_ROLE,
                        "opsbot-w-alice-prop-7f3a",
                        EXPIRES,
                        "console/inc-checkout/1712345678.000100",
                        "bob@example.com",
                        "prop-7f3a",
                        List.of(
                                "scale ECS service shop/checkout to 6 tasks",
                                "ecs:UpdateService",
                                "ecs:DescribeServices"),
                        List.of("oncall-deployers")));
    }

    @Test
    void aWriteSessionLastsTheConfiguredWriteDuration() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));
        var settings = new StsSettings(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(2));

        new StsCredentialBroker(client, audit, clock, settings).forWrite(Chat.approved(Chat.SCALE_CHECKOUT));

        assertThat(StsStub.lastCall(sts)).contains(entry("DurationSeconds", "1800"));
    }

    @Test
    void writesAreNeverCached() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT));
        broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT));

        assertThat(assumeRoleCalls(sts)).hasSize(2);
        assertThat(audit.events(ElevationGranted.class)).hasSize(2);
    }

    @Test
    void aKubernetesOnlyActionMakesNoStsCallAndImpersonatesTheRequesterWithWriteGroups() {
        WriteSession session = broker.forWrite(Chat.approved(Chat.ROLLBACK_CHECKOUT));

        assertThat(assumeRoleCalls(sts)).isEmpty();
        assertThat(session)
                .isEqualTo(new WriteSession(
                        new Principal("alice@example.com", "Alice Chen", List.of("oncall-deployers")), null));
        assertThat(audit.events())
                .containsExactly(new ElevationGranted(
                        NOW,
                        "alice@example.com",
                        AuditEvent.Mode.WRITE,
                        "production",
                        "kubernetes",
                        null,
                        null,
                        "console/inc-checkout/1712345678.000100",
                        "bob@example.com",
                        "prop-7f3a",
                        List.of("rollback Deployment shop/checkout to revision 41"),
                        List.of("oncall-deployers")));
    }

    @Test
    void anAwsActionByARequesterWithoutAWriteRoleIsRefusedAndRecorded() {
        var grant = new WriteGrant(
                People.carol(), People.bob(), "staging", "prop-9c1d", Chat.SCALE_CHECKOUT, Chat.ALICE_ASKS);

        assertThatThrownBy(() -> broker.forWrite(grant))
                .isInstanceOfSatisfying(
                        ElevationException.class, e -> assertThat(e.kind()).isEqualTo(ElevationException.Kind.NO_ROLE))
                .hasMessage("no AWS write role is mapped for carol@example.com in staging, and scale ECS service "
                        + "shop/checkout to 6 tasks calls AWS (their groups: staging-devs)");
        assertThat(assumeRoleCalls(sts)).isEmpty();
        assertThat(audit.events(ElevationRefused.class)).singleElement().satisfies(refused -> {
            assertThat(refused.mode()).isEqualTo(AuditEvent.Mode.WRITE);
            assertThat(refused.actor()).isEqualTo("carol@example.com");
            assertThat(refused.environment()).isEqualTo("staging");
            assertThat(refused.role()).isNull();
            assertThat(refused.proposal()).isEqualTo("prop-9c1d");
            assertThat(refused.reason()).startsWith("no AWS write role is mapped for carol@example.com");
        });
    }

    @Test
    void aKubernetesActionByARequesterWithoutWriteGroupsIsRefused() {
        var grant = new WriteGrant(
                People.carol(), People.bob(), "staging", "prop-9c1d", Chat.ROLLBACK_CHECKOUT, Chat.ALICE_ASKS);

        assertThatThrownBy(() -> broker.forWrite(grant))
                .isInstanceOfSatisfying(
                        ElevationException.class, e -> assertThat(e.kind()).isEqualTo(ElevationException.Kind.NO_ROLE))
                .hasMessage("no Kubernetes write groups are mapped for carol@example.com in staging, and rollback "
                        + "Deployment shop/checkout to revision 41 needs them (their groups: staging-devs)");
        assertThat(audit.events(ElevationRefused.class)).singleElement().satisfies(refused -> assertThat(refused.role())
                .isEqualTo("kubernetes"));
    }

    @Test
    void aWriteStsRefusesNamesTheWriteRole() {
        sts.stubFor(assumeRole().willReturn(StsStub.accessDenied()));

        assertThatThrownBy(() -> broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT)))
                .hasMessageStartingWith("AWS refused to let opsbot assume opsbot-write-oncall for alice@example.com");
        assertThat(audit.events(ElevationRefused.class)).singleElement().satisfies(refused -> {
            assertThat(refused.role()).isEqualTo(People.WRITE_ROLE);
            assertThat(refused.proposal()).isEqualTo("prop-7f3a");
        });
    }
}
