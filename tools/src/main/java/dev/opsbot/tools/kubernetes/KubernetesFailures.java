package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.SourceFailure;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Translates fabric8's {@link KubernetesClientException} into {@link SourceFailure}s an on-call engineer can act on.
 * fabric8 reports HTTP errors with a status code and transport errors with code 0 and a cause chain; a timeout shows
 * up as one of several exception types depending on the HTTP client, so the chain is searched.
 */
final class KubernetesFailures {
    static final String SOURCE = KubernetesAccess.SOURCE;

    private KubernetesFailures() {}

    static SourceFailure translate(KubernetesClientException e, ApiCall call, Duration budget) {
        int code = e.getCode();
        if (code == 401 || code == 403) {
            return SourceFailure.forbidden(SOURCE, call.permission());
        }
        if (code == 404) {
            return new SourceFailure(SOURCE, SourceFailure.Kind.NOT_FOUND, call.target() + " not found", e);
        }
        if (code == 429 || code >= 500) {
            return SourceFailure.unavailable(SOURCE, "HTTP " + code + " " + statusMessage(e), e);
        }
        if (code >= 400) {
            return new SourceFailure(SOURCE, SourceFailure.Kind.BAD_REQUEST, statusMessage(e), e);
        }
        return transport(e, budget);
    }

    /** A failure without an HTTP answer: timed out, interrupted at the deadline, or not reachable at all. */
    static SourceFailure transport(Throwable e, Duration budget) {
        if (isTimeout(e)) {
            return timeout(budget);
        }
        return SourceFailure.unavailable(SOURCE, reason(e), e);
    }

    /**
     * "kubernetes did not answer in 2 s". The budget is what was left when the request started, a few milliseconds
     * short of what the caller gave; rounded to 100 ms it reads as the caller's number.
     */
    static SourceFailure timeout(Duration budget) {
        long millis = budget.toMillis();
        Duration shown = millis < 100 ? budget : Duration.ofMillis(Math.round(millis / 100.0) * 100);
        return SourceFailure.timeout(SOURCE, shown);
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof InterruptedIOException
                    || t instanceof InterruptedException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof ConnectException || root instanceof UnknownHostException) {
                break;
            }
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
