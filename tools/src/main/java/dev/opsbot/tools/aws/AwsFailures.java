package dev.opsbot.tools.aws;

import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.tool.Durations;
import dev.opsbot.core.tool.SourceFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads one AWS service's SDK exceptions as {@link SourceFailure}s an on-call engineer can act on: refused
 * credentials and missing permissions FORBIDDEN, throttling, 5xx and unreachable endpoints UNAVAILABLE, missing
 * things NOT_FOUND, other 4xx BAD_REQUEST, the call timeout TIMEOUT. AWS's own message is passed on only for a refused
 * request or a missing thing (it names it); credentials never appear. Services that spell throttling or absence their
 * own way add their codes ({@link #throttledAs}, {@link #notFoundAs}).
 */
public final class AwsFailures {
    private static final Set<String> REFUSED_CREDENTIALS = Set.of(
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
    private static final NotFound RESOURCE_NOT_FOUND = new NotFound("ResourceNotFoundException"::equals, "");
    private static final int MAX_MESSAGE = 200;

    private final String source;
    private final String service;
    private final Set<String> throttling;
    private final List<NotFound> notFound;

    /**
     * @param source the source the failures name ({@code cost}), as the tools' domain
     * @param service the service as the messages say it ({@code AWS Cost Explorer})
     */
    public AwsFailures(String source, String service) {
        this(source, service, THROTTLING, List.of(RESOURCE_NOT_FOUND));
    }

    private AwsFailures(String source, String service, Set<String> throttling, List<NotFound> notFound) {
        this.source = Objects.requireNonNull(source, "source");
        this.service = Objects.requireNonNull(service, "service");
        this.throttling = Set.copyOf(throttling);
        this.notFound = List.copyOf(notFound);
    }

    /** These error codes are the service's rate limit too (Cost Explorer's {@code LimitExceededException}). */
    public AwsFailures throttledAs(String... codes) {
        Set<String> more = new HashSet<>(throttling);
        more.addAll(List.of(codes));
        return new AwsFailures(source, service, more, notFound);
    }

    /**
     * Error codes matching {@code codes} mean what was asked for is not there: NOT_FOUND, reading
     * "{service} {saying}: {AWS's message}" ("AWS Cost Explorer has no data for this period yet: ..."), or
     * "{service}: {AWS's message}" when {@code saying} is empty.
     */
    public AwsFailures notFoundAs(Predicate<String> codes, String saying) {
        List<NotFound> more = new ArrayList<>(notFound);
        more.add(new NotFound(codes, saying));
        return new AwsFailures(source, service, throttling, more);
    }

    public String source() {
        return source;
    }

    public String service() {
        return service;
    }

    /**
     * @param permission the IAM action a refusal means is missing ({@code ce:GetCostAndUsage})
     * @param waited the call timeout that was set, for a timeout's message
     */
    public SourceFailure translate(SdkException e, String permission, Duration waited) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return timeout(waited);
        }
        if (e instanceof AwsServiceException refused) {
            return service(refused, permission);
        }
        if (e instanceof SdkClientException) {
            return client(e);
        }
        return unavailable(e.getClass().getSimpleName());
    }

    /** "AWS Config did not answer in 700 ms". */
    public SourceFailure timeout(Duration waited) {
        return new SourceFailure(
                source, SourceFailure.Kind.TIMEOUT, service + " did not answer in " + Durations.human(waited), null);
    }

    /** A call the guardrails stopped before it was sent: FORBIDDEN, naming the rule. */
    public SourceFailure refused(PolicyViolation violation) {
        return new SourceFailure(source, SourceFailure.Kind.FORBIDDEN, violation.getMessage(), violation);
    }

    private SourceFailure service(AwsServiceException e, String permission) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        int status = e.statusCode();
        if (REFUSED_CREDENTIALS.contains(code)) {
            return new SourceFailure(
                    source,
                    SourceFailure.Kind.FORBIDDEN,
                    service + " refused this identity's AWS credentials (" + code + ")",
                    null);
        }
        if (status == 401 || status == 403 || code.contains("AccessDenied") || code.contains("NotAuthorized")) {
            return SourceFailure.forbidden(source, permission);
        }
        if (e.isThrottlingException() || throttling.contains(code) || status == 429) {
            return unavailable("AWS is throttling requests (" + (code.isEmpty() ? "HTTP " + status : code)
                    + "); try again in a minute");
        }
        for (NotFound missing : notFound) {
            if (missing.codes().test(code)) {
                return missing.failure(source, service, message(e));
            }
        }
        if (status == 404) {
            return RESOURCE_NOT_FOUND.failure(source, service, message(e));
        }
        if (status >= 400 && status < 500) {
            return new SourceFailure(
                    source,
                    SourceFailure.Kind.BAD_REQUEST,
                    service + " refused the request (" + code + "): " + message(e),
                    null);
        }
        return unavailable("AWS answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")"));
    }

    private SourceFailure client(SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SourceFailure failure) {
                return failure;
            }
            if (cause instanceof PolicyViolation violation) {
                return refused(violation);
            }
            if (cause instanceof ConnectException) {
                return unavailable("cannot connect to its endpoint (connection refused)");
            }
            if (cause instanceof UnknownHostException) {
                return unavailable("its endpoint's host name does not resolve");
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to unmarshall") || message.contains("Unable to parse")) {
            return unavailable("its answer could not be read (malformed response)");
        }
        if (message.contains("credentials")) {
            return new SourceFailure(
                    source, SourceFailure.Kind.FORBIDDEN, service + " has no AWS credentials for this identity", null);
        }
        if (message.contains("Unable to load region")) {
            return unavailable("no AWS region is configured (set AWS_REGION)");
        }
        return unavailable("the call failed (" + e.getClass().getSimpleName() + ")");
    }

    private SourceFailure unavailable(String why) {
        return new SourceFailure(source, SourceFailure.Kind.UNAVAILABLE, service + " is unavailable: " + why, null);
    }

    private static String message(AwsServiceException e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isBlank()) {
            return "no message";
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    private record NotFound(Predicate<String> codes, String saying) {
        SourceFailure failure(String source, String service, String message) {
            String what = saying.isEmpty() ? service : service + " " + saying;
            return new SourceFailure(source, SourceFailure.Kind.NOT_FOUND, what + ": " + message, null);
        }
    }
}
