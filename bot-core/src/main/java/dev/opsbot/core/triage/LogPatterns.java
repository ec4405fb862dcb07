package dev.opsbot.core.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed patterns that sort log lines into {@link LogCategory}s and find the downstream they name. Order matters:
 * the specific categories (pool, rate limit, certificate, DNS) are tried before the generic downstream error, since
 * an expired certificate also shows up as a failed call.
 */
final class LogPatterns {
    private LogPatterns() {}

    private record Rule(LogCategory category, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            rule(
                    LogCategory.DB_POOL_EXHAUSTED,
                    "connection is not available, request timed out|hikaripool.*(timeout|not available|exhausted)"
                            + "|too many clients|remaining connection slots are reserved|pool (is )?exhausted"
                            + "|unable to acquire (a |jdbc )?connection|could not get (a |jdbc )?connection"
                            + "|cannot get a connection, pool error"),
            rule(
                    LogCategory.RATE_LIMITED,
                    "\\b429\\b|too many requests|rate[ -]?limit(ed|ing)?( exceeded)?|throttlingexception"
                            + "|request limit exceeded|quota exceeded"),
            rule(
                    LogCategory.CERT_EXPIRED,
                    "certificate (has )?expired|certificate is not yet valid|certificateexpiredexception"
                            + "|cert(ificate)? expired|x509: certificate has expired|ssl.*expired"),
            rule(
                    LogCategory.DNS_FAILURE,
                    "unknownhostexception|no such host|name or service not known|temporary failure in name resolution"
                            + "|could not resolve host|getaddrinfo (enotfound|eai_again)|name resolution failed"
                            + "|dns (lookup|resolution) (failed|timed out)|lookup [a-z0-9.-]+.*: i/o timeout"),
            rule(
                    LogCategory.OUT_OF_MEMORY,
                    "outofmemoryerror|out of memory|javascript heap out of memory|cannot allocate memory"),
            rule(LogCategory.DISK_FULL, "no space left on device|disk (is )?full|could not extend file|enospc"),
            rule(
                    LogCategory.DOWNSTREAM_ERROR,
                    "connection refused|connection to \\S+ refused|connection reset|econnrefused|econnreset"
                            + "|upstream .*(5\\d\\d|unavailable"
                            + "|timed out|timeout)|(returned|responded|answered|status|code)[=: ]*(http )?5\\d\\d"
                            + "|\\b50[234] (service unavailable|bad gateway|gateway timeout)|read timed out"
                            + "|(timeout|timed out) (calling|waiting for|connecting to)|deadline exceeded"
                            + "|circuit( breaker)? (is )?open"),
            rule(
                    LogCategory.MISSING_CONFIG,
                    "missing (required )?(config|configuration|environment variable|property|key|setting|secret)"
                            + "|(must|is) not (be )?set|required .* (is )?missing|filenotfoundexception"
                            + "|no such file or directory"));

    private static final Pattern ERROR_LINE = Pattern.compile(
            "\\b(error|fatal|critical|severe|panic|warn|warning)\\b|exception|failed|failure|refused|timed out"
                    + "|timeout|\\b5\\d\\d\\b|\\b429\\b|unavailable|killed");

    /** {@code CartService.java:142}, {@code main.go:42}: a stack frame's file and line, not a host and port. */
    private static final Pattern SOURCE_FILE = Pattern.compile("\\.(java|kt|scala|groovy|go|js|mjs|cjs|ts|py|rb|cs)$");

    private static final Pattern URL_HOST = Pattern.compile("[a-z][a-z0-9+.-]*://([a-z0-9][a-z0-9.-]*[a-z0-9])");
    private static final Pattern HOST_PORT = Pattern.compile("\\b([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*):\\d{2,5}\\b");
    private static final Pattern NAMED_HOST = Pattern.compile(
            "\\b(?:host|service|upstream|downstream|calling|call to|request to|connect to|connecting to|lookup"
                    + "|resolve host|resolving|unknownhostexception|getaddrinfo (?:enotfound|eai_again))[=: ]+\"?"
                    + "([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)");

    private static Rule rule(LogCategory category, String regex) {
        return new Rule(category, Pattern.compile(regex));
    }

    /**
     * Categories whose patterns name a failure on their own: a line matching one is an error even without a level or
     * an error word ({@code java.lang.OutOfMemoryError: Java heap space}, Go's {@code ...: no such host}).
     */
    private static final Set<LogCategory> SELF_EVIDENT = EnumSet.of(
            LogCategory.DB_POOL_EXHAUSTED,
            LogCategory.CERT_EXPIRED,
            LogCategory.DNS_FAILURE,
            LogCategory.OUT_OF_MEMORY,
            LogCategory.DISK_FULL);

    static boolean looksLikeError(String lowerCaseText) {
        return ERROR_LINE.matcher(lowerCaseText).find() || SELF_EVIDENT.contains(categorize(lowerCaseText));
    }

    static LogCategory categorize(String lowerCaseText) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(lowerCaseText).find()) {
                return rule.category();
            }
        }
        return LogCategory.ERROR;
    }

    /**
     * The service or host a line names, as triage refers to it: in-cluster names shortened to the service
     * ({@code payments.shop.svc.cluster.local:8080} -> {@code payments}), outside hosts kept whole.
     */
    static Optional<String> downstream(String lowerCaseText) {
        for (Pattern pattern : List.of(URL_HOST, HOST_PORT, NAMED_HOST)) {
            Matcher matcher = pattern.matcher(lowerCaseText);
            while (matcher.find()) {
                String host = matcher.group(1);
                if (isPlausibleHost(host)) {
                    return Optional.of(shorten(host));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isPlausibleHost(String host) {
        return !host.equals("localhost")
                && !host.startsWith("http")
                && !host.matches("[0-9.]+")
                && !SOURCE_FILE.matcher(host).find()
                && host.length() > 2;
    }

    private static String shorten(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int svc = lower.indexOf(".svc");
        if (svc > 0) {
            return lower.substring(0, lower.indexOf('.'));
        }
        if (!lower.contains(".")) {
            return lower;
        }
        // "payments.shop" (service.namespace) is in-cluster; a public name has a known top-level domain shape
        String[] labels = lower.split("\\.");
        return labels.length == 2 && labels[1].length() > 3 ? labels[0] : lower;
    }
}
