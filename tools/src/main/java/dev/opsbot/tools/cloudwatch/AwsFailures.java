package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK exceptions into {@link SourceFailure}s with messages an on-call engineer can act on. The SDK's
 * own messages are not passed on except AWS's error message for a refused request (it names the bad parameter).
 */
final class AwsFailures {
    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "ExpiredToken",
            "ExpiredTokenException",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidSignatureException");
    private static final Set<String> THROTTLING = Set.of(
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestLimitExceeded",
            "TooManyRequestsException");

    private AwsFailures() {}

    /**
     * @param permission the IAM action a 403 means is missing ({@code cloudwatch:GetMetricData})
     * @param waited the call timeout that was set, for a timeout's message
     */
    static SourceFailure translate(String source, SdkException e, String permission, Duration waited) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return SourceFailure.timeout(source, waited);
        }
        if (e instanceof AwsServiceException service) {
            return service(source, service, permission);
        }
        if (e instanceof SdkClientException) {
            return client(source, e);
        }
        return SourceFailure.unavailable(source, e.getClass().getSimpleName(), null);
    }

    private static SourceFailure service(String source, AwsServiceException e, String permission) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        int status = e.statusCode();
        if (CREDENTIAL_ERRORS.contains(code)) {
            return new SourceFailure(
                    source,
                    SourceFailure.Kind.FORBIDDEN,
                    source + " refused this identity's AWS credentials (" + code + ")",
                    null);
        }
        if (status == 401 || status == 403 || code.contains("AccessDenied") || code.contains("NotAuthorized")) {
            return SourceFailure.forbidden(source, permission);
        }
        if (e.isThrottlingException() || THROTTLING.contains(code) || status == 429) {
            return SourceFailure.unavailable(
                    source,
                    "AWS is throttling requests (" + (code.isEmpty() ? "HTTP " + status : code)
                            + "); try again in a minute",
                    null);
        }
        if (code.equals("ResourceNotFoundException") || status == 404) {
            return new SourceFailure(source, SourceFailure.Kind.NOT_FOUND, source + ": " + message(e), null);
        }
        if (status >= 400 && status < 500) {
            return new SourceFailure(
                    source,
                    SourceFailure.Kind.BAD_REQUEST,
                    source + " refused the request (" + code + "): " + message(e),
                    null);
        }
        return SourceFailure.unavailable(
                source, "AWS answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")"), null);
    }

    private static SourceFailure client(String source, SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceFailure failure) {
                return failure;
            }
            if (cause instanceof ConnectException) {
                return SourceFailure.unavailable(source, "cannot connect to its endpoint (connection refused)", null);
            }
            if (cause instanceof UnknownHostException) {
                return SourceFailure.unavailable(source, "its endpoint's host name does not resolve", null);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to unmarshall") || message.contains("Unable to parse")) {
            return SourceFailure.unavailable(source, "its answer could not be read (malformed response)", null);
        }
        if (message.contains("Unable to load credentials") || message.contains("credentials")) {
            return new SourceFailure(
                    source, SourceFailure.Kind.FORBIDDEN, source + " has no AWS credentials for this identity", null);
        }
        if (message.contains("Unable to load region")) {
            return SourceFailure.unavailable(source, "no AWS region is configured (set AWS_REGION)", null);
        }
        return SourceFailure.unavailable(
                source, "the call failed (" + e.getClass().getSimpleName() + ")", null);
    }

    private static String message(AwsServiceException e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isBlank()) {
            return "no message";
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
