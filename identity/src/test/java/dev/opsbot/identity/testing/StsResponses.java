package dev.opsbot.identity.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STS at its HTTP edge, for WireMock: the AWS Query protocol ({@code POST /} with a form body, XML answers) as SDK
 * 2.54 sends and reads it. Shared by identity's tests, app's integration tests and the bench drivers.
 */
public final class StsResponses {
    private StsResponses() {}

    /** An AssumeRole answer issuing this session. */
    public static ResponseDefinitionBuilder issued(
            String accessKeyId, String secretKey, String sessionToken, Instant expiration) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("""
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <Credentials>
                              <AccessKeyId>%s</AccessKeyId>
                              <SecretAccessKey>%s</SecretAccessKey>
                              <SessionToken>%s</SessionToken>
                              <Expiration>%s</Expiration>
                            </Credentials>
                            <AssumedRoleUser>
                              <AssumedRoleId>AROASTUBEXAMPLE:opsbot-session</AssumedRoleId>
                              <Arn>arn:aws:sts::111111111111:assumed-role/opsbot-read-oncall/opsbot-session</Arn>
                            </AssumedRoleUser>
                            <SourceIdentity>alice@example.com</SourceIdentity>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>
                        """.formatted(accessKeyId, secretKey, sessionToken, expiration));
    }

    /** An STS error as STS sends it: {@code ErrorResponse} XML with a type, code and message. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody("""
                        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                          <RequestId>4a5e6f70-stub-request</RequestId>
                        </ErrorResponse>
                        """.formatted(type, code, message));
    }

    /** A trust policy refusing opsbot's role, as STS words it. */
    public static ResponseDefinitionBuilder accessDenied(String roleArn) {
        return error(
                403,
                "AccessDenied",
                "User: arn:aws:sts::111111111111:assumed-role/opsbot/i-0abc is not authorized to perform: "
                        + "sts:AssumeRole on resource: " + roleArn);
    }

    /** A Query-protocol request's form parameters, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** The session tags of an AssumeRole form ({@code Tags.member.N.Key/Value}), in order. */
    public static Map<String, String> tags(Map<String, String> form) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
        }
        return tags;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
