package dev.opsbot.core.learning;

import dev.opsbot.core.triage.Cause;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words people use for each cause, so that a memory written by a person ("checkout is OOMKilled below 512Mi")
 * and one opsbot proposed ("cause: oom") both say which cause they remember. Deliberately narrow: a word that fits
 * several causes ("deploy", "rollback") is left out, because a wrong match raises the wrong hypothesis.
 */
final class CauseWords {
    private static final Map<Cause, List<String>> WORDS = new EnumMap<>(Cause.class);

    static {
        WORDS.put(Cause.BAD_DEPLOY, List.of("bad deploy", "bad release", "broken release", "broken deploy"));
        WORDS.put(Cause.CONFIG_CHANGE, List.of("config change", "configmap change", "changed config"));
        WORDS.put(Cause.OOM, List.of("oom", "out of memory", "memory limit"));
        WORDS.put(Cause.CRASHLOOP, List.of("crashloop", "crash loop", "crash-loop"));
        WORDS.put(Cause.IMAGE_PULL, List.of("image pull", "imagepull", "errimagepull"));
        WORDS.put(Cause.PROBE_MISCONFIG, List.of("probe", "liveness", "readiness"));
        WORDS.put(Cause.MISSING_CONFIG_OBJECT, List.of("missing secret", "missing configmap", "missing config"));
        WORDS.put(Cause.CAPACITY, List.of("capacity", "not enough replicas", "saturated"));
        WORDS.put(Cause.HPA_BROKEN, List.of("hpa", "autoscaler"));
        WORDS.put(Cause.CPU_THROTTLING, List.of("throttling", "throttled cpu", "cpu limit"));
        WORDS.put(Cause.NODE_PRESSURE, List.of("node pressure", "memorypressure", "diskpressure", "evicted"));
        WORDS.put(Cause.DEPENDENCY_FAILURE, List.of("dependency", "downstream"));
        WORDS.put(Cause.DB_POOL_EXHAUSTED, List.of("connection pool", "db pool", "pool exhausted", "hikari"));
        WORDS.put(Cause.RATE_LIMITED, List.of("rate limit", "rate-limit", "429"));
        WORDS.put(Cause.CERT_EXPIRED, List.of("certificate", "cert expired", "x509"));
        WORDS.put(Cause.DNS_FAILURE, List.of("dns", "coredns", "nxdomain"));
        WORDS.put(Cause.NO_ENDPOINTS, List.of("no endpoints", "selector"));
        WORDS.put(Cause.NETWORK_POLICY, List.of("network policy", "networkpolicy", "egress"));
        WORDS.put(Cause.DISK_FULL, List.of("disk full", "no space left", "volume full"));
        WORDS.put(Cause.UNSCHEDULABLE, List.of("unschedulable", "insufficient cpu", "insufficient memory"));
    }

    private CauseWords() {}

    /** Whether {@code text} speaks of {@code cause}: its name as triage writes it, or a word people use for it. */
    static boolean mentions(String text, Cause cause) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("cause: " + cause.jsonName())) {
            return true;
        }
        for (String word : WORDS.getOrDefault(cause, List.of())) {
            if (containsWord(lower, word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} at word boundaries: "oom" in "oomkilled" counts, "oom" in "room" does not. */
    private static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }
}
