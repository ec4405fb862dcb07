package dev.opsbot.app.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.util.function.BiFunction;

/** What went wrong with a model call, each with the LangChain4j exception the agent's retry rule reads. */
enum FailureKind {
    RATE_LIMITED("was throttled", RateLimitException::new),
    TIMED_OUT("timed out", TimeoutException::new),
    SERVER_ERROR("failed on the server", InternalServerException::new),
    UNREACHABLE("could not reach the server", ModelUnreachableException::new),
    RETRIABLE("failed for a passing reason", RetriableException::new),
    AUTHENTICATION("was refused: the credentials are missing, wrong or lack permission", AuthenticationException::new),
    MODEL_NOT_FOUND("named a model the server does not have", ModelNotFoundException::new),
    CONTENT_FILTERED("was blocked by a content filter", ContentFilteredException::new),
    INVALID_REQUEST("was rejected as invalid", InvalidRequestException::new),
    UNRESOLVED("could not resolve the server's host name", UnresolvedModelServerException::new),
    OTHER("failed", NonRetriableException::new);

    private final String outcome;
    private final BiFunction<String, Throwable, LangChain4jException> exception;

    FailureKind(String outcome, BiFunction<String, Throwable, LangChain4jException> exception) {
        this.outcome = outcome;
        this.exception = exception;
    }

    String outcome() {
        return outcome;
    }

    LangChain4jException exception(String message, Throwable cause) {
        return exception.apply(message, cause);
    }

    /** The kind an HTTP status means; LangChain4j's own mapper reads statuses the same way. */
    static FailureKind ofStatus(int status) {
        if (status == 408) {
            return TIMED_OUT;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status >= 500 && status < 600) {
            return SERVER_ERROR;
        }
        if (status == 401 || status == 403) {
            return AUTHENTICATION;
        }
        if (status == 404) {
            return MODEL_NOT_FOUND;
        }
        return status >= 400 && status < 500 ? INVALID_REQUEST : OTHER;
    }
}
