package dev.opsbot.identity.sts;

import static dev.opsbot.identity.sts.StsStub.assumeRole;
import static dev.opsbot.identity.sts.StsStub.assumeRoleCalls;
import static dev.opsbot.identity.sts.StsStub.issued;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.identity.People;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class StsClientsTest {
    @RegisterExtension
    static WireMockExtension sts = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort())
            .build();

    @Test
    void anEndpointOverrideIsWhereTheBrokerAsks() {
        sts.stubFor(assumeRole().willReturn(issued(People.RESOLVED.plus(Duration.ofMinutes(15)))));

        try (StsClient client = StsClients.create(Region.EU_WEST_1, URI.create(sts.baseUrl()), StsStub.OPSBOT)) {
            readAsAlice(client);
        }

        assertThat(assumeRoleCalls(sts)).hasSize(1);
        assertThat(assumeRoleCalls(sts).getFirst().getHeader("Authorization"))
                .contains("Credential=AKIAOPSBOTEXAMPLE/")
                .contains("/eu-west-1/sts/aws4_request");
    }

    @Test
    void withoutAnOverrideTheSdksOwnEndpointSettingApplies() {
        sts.stubFor(assumeRole().willReturn(issued(People.RESOLVED.plus(Duration.ofMinutes(15)))));
        // aws.endpointUrlSts is the system-property twin of AWS_ENDPOINT_URL_STS
        System.setProperty("aws.endpointUrlSts", sts.baseUrl());
        try (StsClient client = StsClients.create(Region.EU_WEST_1, null, StsStub.OPSBOT)) {
            readAsAlice(client);
        } finally {
            System.clearProperty("aws.endpointUrlSts");
        }

        assertThat(assumeRoleCalls(sts)).hasSize(1);
    }

    private static void readAsAlice(StsClient client) {
        var broker = new StsCredentialBroker(
                client, new InMemoryAuditLog(), new MutableClock(People.RESOLVED), StsSettings.defaults());
        broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
    }
}
