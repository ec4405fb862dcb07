package dev.opsbot.core.agent;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One model call with bounded retries: throttling, timeouts and server errors (LangChain4j's
 * {@link RetriableException}s) are tried again after a jittered, doubling backoff, never past the answer's
 * deadline; anything else (refused credentials, a malformed request, an unknown model) fails at once. The
 * providers' own retries are off, so attempts do not multiply.
 */
final class ModelCalls {
    /** Waits; a field so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Redactor REDACTOR = Redactor.standard();

    private final ChatModel model;
    private final int retries;
    private final Duration backoff;
    private final Clock clock;
    private final Sleeper sleeper;

    ModelCalls(ChatModel model, int retries, Duration backoff, Clock clock, Sleeper sleeper) {
        this.model = Objects.requireNonNull(model, "model");
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    ChatResponse call(ChatRequest request, Instant deadline, AgentListener listener) {
        for (int attempt = 1; ; attempt++) {
            try {
                return model.chat(request);
            } catch (RuntimeException e) {
                String reason = describe(e);
                if (!retriable(e) || attempt > retries) {
                    String tries = attempt == 1 ? "" : " (after " + attempt + " attempts)";
                    throw new ModelUnavailableException(reason + tries, e);
                }
                Duration wait = jittered(backoff.multipliedBy(1L << (attempt - 1)));
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new ModelUnavailableException(reason + " (no time left to retry)", e);
                }
                listener.retrying(attempt, reason, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ModelUnavailableException("interrupted while waiting to retry the model", e);
                }
            }
        }
    }

    static boolean retriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException
                    || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Words for the thread and the log: the kind of failure, with anything secret-looking redacted. */
    static String describe(Throwable e) {
        String kind;
        if (e instanceof RateLimitException) {
            kind = "the model is throttling requests";
        } else if (e instanceof TimeoutException || e.getCause() instanceof java.net.http.HttpTimeoutException) {
            kind = "the model did not answer in time";
        } else if (e instanceof AuthenticationException) {
            kind = "the model refused opsbot's credentials";
        } else if (e instanceof RetriableException) {
            kind = "the model's service failed";
        } else {
            kind = "the model call failed";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "…";
        }
        return kind + ": " + REDACTOR.redact(detail, Vault.create());
    }

    private static Duration jittered(Duration base) {
        double factor = 0.5 + ThreadLocalRandom.current().nextDouble(); // 0.5x .. 1.5x
        return Duration.ofMillis((long) (base.toMillis() * factor));
    }
}
