package dev.opsbot.tools.cost;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.aws.AliceSession;
import dev.opsbot.tools.aws.AwsJsonStubs;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Cost Explorer as WireMock serves it: AWS JSON 1.1 ({@link AwsJsonStubs}) with {@code X-Amz-Target:
 * AWSInsightsIndexService.<operation>}; and alice ({@link AliceSession}), whose own STS session signs every call.
 */
final class CostStubs {
    static final String TARGET = "AWSInsightsIndexService.";
    /** "Today" for the tools: 10 March 2026, mid-morning UTC. */
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    private CostStubs() {}

    static CostConnection connection(WireMockExtension aws) {
        return new CostConnection(URI.create(aws.baseUrl()), CostConnection.personsSession());
    }

    /** Alice asking on 10 March 2026 (a fixed clock), with ten seconds to answer. */
    static ToolContext alice() {
        return AliceSession.asking(Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Alice on the wall clock, for deadlines that must pass in real time. */
    static ToolContext aliceWithin(Duration budget) {
        return AliceSession.asking(budget, Clock.systemUTC());
    }

    static MappingBuilder ce(String operation) {
        return AwsJsonStubs.target(TARGET + operation);
    }

    static List<LoggedRequest> sent(WireMockExtension aws, String operation) {
        return AwsJsonStubs.sent(aws, TARGET + operation);
    }
}
