package dev.opsbot.app.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Turns whatever a provider threw into the one failure contract the agent relies on (see {@link FailureKind}), by
 * the exception and its causes rather than by the provider's own mapping, which leaves I/O failures and some
 * timeouts as bare {@code RuntimeException}s. The message it builds names the provider and model, is short, and has
 * every secret it was given replaced; when any message in the original chain held a secret, the chain is dropped
 * rather than attached.
 */
final class ModelFailures {
    private static final int MAX_DETAIL_CHARS = 500;

    private final String provider;
    private final String model;
    private final List<String> secrets;

    ModelFailures(String provider, String model, List<String> secrets) {
        this.provider = provider;
        this.model = model;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    LangChain4jException translate(RuntimeException failure) {
        FailureKind kind = kindOf(failure);
        String message = provider + " model " + model + ": the call " + kind.outcome() + ": " + detail(failure);
        boolean leaks = chain(failure).stream().anyMatch(this::mentionsSecret);
        LangChain4jException translated = kind.exception(message, leaks ? null : failure);
        if (leaks) {
            translated.setStackTrace(failure.getStackTrace());
        }
        return translated;
    }

    static FailureKind kindOf(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            // Bedrock may name throttling by its type or error code rather than by status 429
            if (t instanceof ThrottlingException
                    || (t instanceof AwsServiceException aws && aws.isThrottlingException())) {
                return FailureKind.RATE_LIMITED;
            }
        }
        for (Throwable t : chain) {
            FailureKind kind = kindOfOne(t);
            if (kind != null) {
                return kind;
            }
        }
        // only now a bare I/O failure: a more telling cause (DNS, timeout) may sit deeper in the chain
        if (chain.stream().anyMatch(IOException.class::isInstance)) {
            return FailureKind.UNREACHABLE;
        }
        return failure instanceof RetriableException ? FailureKind.RETRIABLE : FailureKind.OTHER;
    }

    private static FailureKind kindOfOne(Throwable t) {
        return switch (t) {
            case RateLimitException e -> FailureKind.RATE_LIMITED;
            case TimeoutException e -> FailureKind.TIMED_OUT;
            case InternalServerException e -> FailureKind.SERVER_ERROR;
            case ModelUnreachableException e -> FailureKind.UNREACHABLE;
            case AuthenticationException e -> FailureKind.AUTHENTICATION;
            case ModelNotFoundException e -> FailureKind.MODEL_NOT_FOUND;
            case ContentFilteredException e -> FailureKind.CONTENT_FILTERED;
            case InvalidRequestException e -> FailureKind.INVALID_REQUEST;
            case UnresolvedModelServerException e -> FailureKind.UNRESOLVED;
            case HttpException e -> FailureKind.ofStatus(e.statusCode());
            case SdkServiceException e -> FailureKind.ofStatus(e.statusCode());
            case ApiCallTimeoutException e -> FailureKind.TIMED_OUT;
            case ApiCallAttemptTimeoutException e -> FailureKind.TIMED_OUT;
            case SocketTimeoutException e -> FailureKind.TIMED_OUT;
            case HttpTimeoutException e -> FailureKind.TIMED_OUT;
            // our own deadline or shutdown interrupted the call: retrying would defeat it
            case InterruptedException e -> FailureKind.OTHER;
            case InterruptedIOException e -> FailureKind.OTHER;
            case AbortedException e -> FailureKind.OTHER;
            case UnknownHostException e -> FailureKind.UNRESOLVED;
            case UnresolvedAddressException e -> FailureKind.UNRESOLVED;
            default -> null;
        };
    }

    private String detail(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        text = scrub(text).replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    String scrub(String text) {
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return scrubbed;
    }

    private boolean mentionsSecret(Throwable t) {
        String text = String.valueOf(t.getMessage()) + " " + t;
        return secrets.stream().anyMatch(text::contains);
    }

    /** The failure, its causes and what was suppressed along the way, each once. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        collect(failure, seen, chain);
        return chain;
    }

    private static void collect(Throwable t, Set<Throwable> seen, List<Throwable> chain) {
        if (t == null || !seen.add(t)) {
            return;
        }
        chain.add(t);
        collect(t.getCause(), seen, chain);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, seen, chain);
        }
    }
}
