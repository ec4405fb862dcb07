package dev.opsbot.identity.directory;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;

/**
 * Translates the SDK's failures into {@link DirectoryUnavailableException}s whose message completes "I couldn't
 * check who you are: …". Failures that pass by themselves say "did not answer"; failures of opsbot's own setup name
 * the permission or setting to fix and are not retriable.
 */
final class IdentityStoreFailures {
    private static final String SERVICE = "IAM Identity Center";
    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "ExpiredToken",
            "ExpiredTokenException",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidSignatureException");

    private final String identityStoreId;
    private final Duration callTimeout;

    IdentityStoreFailures(String identityStoreId, Duration callTimeout) {
        this.identityStoreId = identityStoreId;
        this.callTimeout = callTimeout;
    }

    /** @param operation the Identity Store operation that failed ({@code GetUserId}) */
    DirectoryUnavailableException translate(String operation, SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return retriable("did not answer within " + seconds(callTimeout) + " (timeout)", e);
        }
        if (e instanceof AwsServiceException service) {
            return service(operation, service);
        }
        if (e instanceof SdkClientException) {
            return client(e);
        }
        return retriable("did not answer (" + e.getClass().getSimpleName() + ")", e);
    }

    /** The identity store itself is unknown: its id or region is wrong, not the person. */
    static boolean isUnknownStore(ResourceNotFoundException e) {
        return e.resourceType() == ResourceType.IDENTITY_STORE;
    }

    private DirectoryUnavailableException service(String operation, AwsServiceException e) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        int status = e.statusCode();
        String shown = code.isEmpty() ? "HTTP " + status : code;
        if (CREDENTIAL_ERRORS.contains(code)) {
            return setup(SERVICE + " did not accept opsbot's own AWS credentials (" + code + ")", e);
        }
        if (status == 401 || status == 403 || code.contains("AccessDenied") || code.contains("NotAuthorized")) {
            return setup(
                    SERVICE + " refused opsbot's own AWS identity (" + shown + "): it needs identitystore:" + operation
                            + " on identity store " + identityStoreId,
                    e);
        }
        if (e instanceof ResourceNotFoundException notFound && isUnknownStore(notFound)) {
            return setup(
                    SERVICE + " has no identity store " + identityStoreId
                            + " in this region (ResourceNotFoundException): check the identity store id and region",
                    e);
        }
        if (e.isThrottlingException() || status == 429 || status >= 500) {
            return retriable("did not answer (" + shown + ")", e);
        }
        return setup(SERVICE + " refused opsbot's " + operation + " request (" + shown + ")", e);
    }

    private DirectoryUnavailableException client(SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return retriable("did not answer (connection refused)", e);
            }
            if (cause instanceof UnknownHostException) {
                return retriable("did not answer (its endpoint's host name does not resolve)", e);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return setup("opsbot has no AWS credentials of its own to ask " + SERVICE, e);
        }
        if (message.contains("Unable to load region")) {
            return setup("no AWS region is configured for " + SERVICE + " (set AWS_REGION)", e);
        }
        return retriable("did not answer (" + e.getClass().getSimpleName() + ")", e);
    }

    private static DirectoryUnavailableException retriable(String what, SdkException e) {
        return new DirectoryUnavailableException(SERVICE + " " + what, true, e);
    }

    private static DirectoryUnavailableException setup(String message, SdkException e) {
        return new DirectoryUnavailableException(message, false, e);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
