package dev.opsbot.identity.sts;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.identity.testing.StsResponses;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * STS as WireMock plays it: the AWS Query protocol ({@code POST /} with a form body, XML answers), as the SDK 2.54
 * actually sends and reads it.
 */
final class StsStub {
    static final String ACCESS_KEY = "ASIASTUBEXAMPLE7KEY";
    static final String SECRET_KEY = "stubSecret/K7MDENG+bPxRfiCYzEXAMPLEKEY0001";
    static final String SESSION_TOKEN = "FwoGZXIvYXdzEStubSessionTokenNeverToBeSeen0001==";
    static final StaticCredentialsProvider OPSBOT =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOPSBOTEXAMPLE", "opsbotOwnSecretKey"));

    private StsStub() {}

    /** A client for WireMock that tries once and gives up on an attempt after {@code attemptTimeout}. */
    static StsClient client(WireMockExtension wireMock, Duration attemptTimeout) {
        return StsClient.builder()
                .endpointOverride(URI.create(wireMock.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(OPSBOT)
                .overrideConfiguration(
                        c -> c.retryStrategy(b -> b.maxAttempts(1)).apiCallAttemptTimeout(attemptTimeout))
                .build();
    }

    static StsClient client(WireMockExtension wireMock) {
        return client(wireMock, Duration.ofSeconds(5));
    }

    static MappingBuilder assumeRole() {
        return post(urlEqualTo("/"));
    }

    static List<LoggedRequest> assumeRoleCalls(WireMockExtension wireMock) {
        return wireMock.findAll(postRequestedFor(urlEqualTo("/")));
    }

    /** The form parameters of the only (or last) AssumeRole call, decoded. */
    static Map<String, String> lastCall(WireMockExtension wireMock) {
        List<LoggedRequest> calls = assumeRoleCalls(wireMock);
        return form(calls.getLast());
    }

    static Map<String, String> form(LoggedRequest request) {
        return StsResponses.form(request);
    }

    static ResponseDefinitionBuilder issued(Instant expiration) {
        return issued(ACCESS_KEY, expiration);
    }

    static ResponseDefinitionBuilder issued(String accessKeyId, Instant expiration) {
        return StsResponses.issued(accessKeyId, SECRET_KEY, SESSION_TOKEN, expiration);
    }

    /** An STS error as STS sends it: {@code ErrorResponse} XML with a type, code and message. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return StsResponses.error(status, code, message);
    }

    static ResponseDefinitionBuilder accessDenied() {
        return StsResponses.accessDenied("arn:aws:iam::111111111111:role/opsbot-read-oncall");
    }
}
