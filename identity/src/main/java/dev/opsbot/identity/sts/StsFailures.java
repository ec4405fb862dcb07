package dev.opsbot.identity.sts;

import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.ElevationException.Kind;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;

/**
 * STS failures as a person in chat reads them: whose fault it is (the role's trust policy, opsbot's own identity,
 * or a passing outage) and what to do. The SDK's own details (error code, HTTP status, request id) go to the audit
 * log and the operators' log through {@link #detail}; neither ever holds a credential.
 */
final class StsFailures {
    static final String TRY_AGAIN = "AWS STS did not answer; try again";

    /** Codes STS answers when opsbot's own credentials are wrong, whichever role is asked for. */
    private static final Set<String> OWN_CREDENTIALS_REFUSED = Set.of(
            "ExpiredToken",
            "ExpiredTokenException",
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "UnrecognizedClientException",
            "IncompleteSignature",
            "MissingAuthenticationToken",
            "InvalidAccessKeyId");

    private StsFailures() {}

    static ElevationException translate(SdkException failure, String roleArn, String email) {
        return switch (failure) {
            case RegionDisabledException disabled ->
                new ElevationException(
                        Kind.ACCESS_DENIED,
                        "AWS STS is not activated in this region for opsbot's own AWS account, so opsbot cannot act for "
                                + email + ": activate the region in IAM's account settings or point opsbot at another "
                                + "STS region (see docs/identity.md)",
                        disabled);
            case AwsServiceException refused -> fromService(refused, roleArn, email);
            case SdkClientException client
            when ownCredentialsMissing(client) -> ownIdentity("could not be loaded", client);
            default -> new ElevationException(Kind.UNAVAILABLE, TRY_AGAIN, failure);
        };
    }

    /** For the audit log and the operators: what STS or the SDK said, without the request itself. */
    static String detail(SdkException failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "STS " + service.awsErrorDetails().errorCode() + ", HTTP " + service.statusCode() + ", request "
                    + service.requestId() + ": "
                    + clip(service.awsErrorDetails().errorMessage());
        }
        return failure.getClass().getSimpleName() + ": " + clip(failure.getMessage());
    }

    private static ElevationException fromService(AwsServiceException refused, String roleArn, String email) {
        String code = refused.awsErrorDetails() == null
                ? ""
                : refused.awsErrorDetails().errorCode();
        if (OWN_CREDENTIALS_REFUSED.contains(code)) {
            return ownIdentity("were refused (" + code + ")", refused);
        }
        if (refused.isThrottlingException() || refused.statusCode() >= 500) {
            return new ElevationException(Kind.UNAVAILABLE, TRY_AGAIN, refused);
        }
        if (refused.statusCode() == 403 || "AccessDenied".equals(code)) {
            return new ElevationException(
                    Kind.ACCESS_DENIED,
                    "AWS refused to let opsbot assume " + roleName(roleArn) + " for " + email + ": the role's trust "
                            + "policy must allow opsbot's own role with sts:AssumeRole, sts:SetSourceIdentity and "
                            + "sts:TagSession (see docs/identity.md)",
                    refused);
        }
        String said = refused.awsErrorDetails() == null
                ? ""
                : ": " + clip(refused.awsErrorDetails().errorMessage());
        return new ElevationException(
                Kind.ACCESS_DENIED,
                "AWS STS would not issue a session in " + roleName(roleArn) + " for " + email + " (" + code + said
                        + ")",
                refused);
    }

    private static ElevationException ownIdentity(String what, SdkException cause) {
        return new ElevationException(
                Kind.ACCESS_DENIED,
                "opsbot's own AWS credentials " + what + ", so it cannot act for anyone: ask opsbot's operators to "
                        + "check opsbot's own identity (IRSA service account, instance profile or environment; see "
                        + "docs/identity.md)",
                cause);
    }

    private static boolean ownCredentialsMissing(SdkClientException failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("Unable to load credentials");
    }

    /** {@code opsbot-read-oncall} for {@code arn:aws:iam::111111111111:role/opsbot-read-oncall}. */
    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
