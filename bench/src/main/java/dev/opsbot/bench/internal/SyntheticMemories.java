package dev.opsbot.bench.internal;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A team's memory grown to any size: SRE facts, fixes, runbook steps and preferences from 36 templates over 468
 * made-up services ({@code fraud-scorer}, {@code ledger-sync}...) with numbers, versions and times drawn at random, and
 * questions people would ask about them. None of the services is one the recall set is about (checkout, payments,
 * cart...), but the vocabulary is shared (OOMKilled, 5xx, replicas, cache), and some templates say for another
 * service what a recall-set memory says ("X's nightly job locks the stock table"): a recall-set question that names
 * no service is then fairly answered by them, and counts as a miss. That makes recall among them a pessimistic
 * figure, as is one team holding 100,000 memories with ~2,800 near-copies of each template. The same seed gives the
 * same memories.
 */
public final class SyntheticMemories {
    /** Changes when the templates do, so that cached vectors of older texts are not reused. */
    public static final int VERSION = 1;

    private static final String[] PREFIXES = {
        "fraud",
        "ledger",
        "email",
        "pricing",
        "tax",
        "returns",
        "loyalty",
        "review",
        "wishlist",
        "media",
        "geo",
        "quote",
        "invoice",
        "refund",
        "coupon",
        "warehouse",
        "picking",
        "routing",
        "tracking",
        "identity",
        "profile",
        "consent",
        "audit",
        "report",
        "export",
        "import",
        "feed",
        "banner",
        "promo",
        "chat",
        "support",
        "ticket",
        "survey",
        "scheduler",
        "batch",
        "label"
    };
    private static final String[] SUFFIXES = {
        "api",
        "worker",
        "service",
        "sync",
        "scorer",
        "engine",
        "indexer",
        "publisher",
        "consumer",
        "proxy",
        "cron",
        "store",
        "router"
    };
    private static final String[] TEMPLATES = {
        "fact|{s} is OOMKilled when its memory limit is below {m}Mi.",
        "fact|{s} pods restart with exit code 137 under load because the JVM heap is {p}% of the container limit.",
        "fix|Rolling {s} back to revision {n} fixed the 5xx after the {v} release.",
        "fix|{s} 502s were caused by {d} timing out after {n} seconds; raising the timeout fixed it.",
        "runbook|Before scaling {s}, warm its cache with the {s}-warmup job.",
        "preference|Page #{s}-oncall before touching {s} deployments.",
        "fact|{s} reads from the replica, which can lag {n} seconds behind the primary.",
        "fact|{s}'s nightly job runs at {t} UTC and locks the {w} table for {n} minutes.",
        "fact|{s} consumes the {w}-events topic with {n} partitions; more consumers than partitions sit idle.",
        "fix|{s} latency spikes were fixed by raising its connection pool from {n} to {n2}.",
        "fact|{s} needs {g} GiB of heap to start; with less it dies with OutOfMemoryError.",
        "runbook|{s} CrashLoopBackOff after a config change usually means the {E} variable is wrong.",
        "fact|The {s} TLS certificate is renewed by cert-manager {n} days before expiry.",
        "fact|{s} rate-limits clients to {n} requests per second per IP.",
        "fact|{s} depends on {d}; when {d} is down, {s} returns 503.",
        "fact|The disk of {s} fills up when log retention is above {n} days.",
        "fact|{s} autoscales on {metric}, with a target of {n} per pod.",
        "fact|Restarting {s} clears its in-memory cache; {d} sees more load for a few minutes.",
        "fact|{s} runs {n} replicas in production and {n2} in staging.",
        "preference|{s} deploys need a second approver from the team that owns {s}.",
        "fact|{s} logs are in the {s}-prod index, kept {n} days.",
        "runbook|To replay failed {s} jobs, run {s}-replay with the date range; it is idempotent.",
        "fact|The {s} readiness probe must allow {n} seconds because it loads data at startup.",
        "fact|{s}'s p99 latency SLO is {n} ms over 28 days.",
        "fix|{s} 429s during the campaign were fixed by raising the rate limit to {n} rps.",
        "fix|The {s} memory leak was in the {lib} client; upgrading it to {v} fixed it.",
        "fix|{s} duplicate events came from committing offsets after the side effect; idempotency keys fixed it.",
        "preference|Do not restart {s} during its {t} UTC batch window.",
        "fact|{s} caches {d} responses for {n} minutes; changes in {d} show up only after that.",
        "fact|{s} keeps sessions in redis db {n}; flushing it logs users out.",
        "fact|{s} connection errors to postgres mean the pool of {n} per pod is exhausted.",
        "runbook|When {s} queue lag grows, check {d} first; {s} waits for it.",
        "runbook|The feature flag {s}.{flag} turns off {feature} in {s} without a deploy.",
        "fix|{s} was slow after the node upgrade because its pods landed on spot nodes; an affinity rule fixed it.",
        "fact|{s} runs in namespace {ns} with a NetworkPolicy allowing only {d}.",
        "preference|{s} alerts go to #{s}-alerts, not the incident channel."
    };
    private static final String[] QUESTIONS = {
        "why is {s} returning 5xx?",
        "{s} pods keep restarting, what do we know?",
        "how much memory does {s} need?",
        "who should I tell before changing {s}?",
        "how do I scale {s} safely?",
        "what fixed {s} latency last time?",
        "is it safe to restart {s} now?",
        "{s} is slow since the deploy, any known causes?",
        "what does {s} depend on?",
        "where are the {s} logs?",
        "how many replicas does {s} run?",
        "why does {s} time out calling {d}?",
        "{s} crashes after a config change, what should I check?",
        "how do I replay failed {s} work?",
        "what is the latency target for {s}?",
        "why is the {s} disk full?"
    };
    private static final String[] WORDS = {"stock", "orders", "invoice", "events", "users", "audit", "sessions"};
    private static final String[] METRICS = {"requests per second", "queue depth", "CPU", "active connections"};
    private static final String[] LIBS = {"grpc", "redis", "http", "s3", "kafka", "jdbc"};
    private static final String[] FEATURES = {"recommendations", "exports", "emails", "retries", "previews"};
    private static final String[] VARIABLES = {"DATABASE_URL", "UPSTREAM_URL", "CACHE_HOST", "API_TOKEN_FILE"};

    private final long seed;
    private final List<String> services;

    public SyntheticMemories(long seed) {
        this.seed = seed;
        List<String> names = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String suffix : SUFFIXES) {
                names.add(prefix + "-" + suffix);
            }
        }
        this.services = List.copyOf(names);
    }

    public List<String> services() {
        return services;
    }

    /** {@code count} memories of {@code team}, ids {@code m-000000} upwards, learned over the two years before now. */
    public List<MemoryItem> memories(int count, String team, Instant now) {
        Random random = new Random(seed);
        List<MemoryItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String service = services.get(random.nextInt(services.size()));
            String[] template = TEMPLATES[random.nextInt(TEMPLATES.length)].split("\\|", 2);
            String text = fill(template[1], service, random);
            boolean teamWide = random.nextInt(20) == 0;
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
            items.add(new MemoryItem(
                    String.format("m-%06x", i),
                    MemoryKind.fromJson(template[0]),
                    text,
                    new MemoryScope(team, teamWide ? null : service, null),
                    new MemorySource(team + "/" + at.getEpochSecond() + ".000100", null, "sre@example.com", "#sre", at),
                    0,
                    0,
                    0));
        }
        return items;
    }

    /** {@code count} questions about random services, different from the memories' draws. */
    public List<String> questions(int count) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<String> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String service = services.get(random.nextInt(services.size()));
            questions.add(fill(QUESTIONS[random.nextInt(QUESTIONS.length)], service, random));
        }
        return questions;
    }

    private String fill(String template, String service, Random random) {
        String other = services.get(random.nextInt(services.size()));
        String feature = FEATURES[random.nextInt(FEATURES.length)];
        return template.replace("{s}", service)
                .replace("{d}", other)
                .replace("{m}", String.valueOf(128 << random.nextInt(5)))
                .replace("{p}", String.valueOf(50 + 5 * random.nextInt(9)))
                .replace("{n2}", String.valueOf(2 + random.nextInt(400)))
                .replace("{n}", String.valueOf(2 + random.nextInt(90)))
                .replace("{v}", (1 + random.nextInt(4)) + "." + random.nextInt(30) + "." + random.nextInt(10))
                .replace("{t}", String.format("%02d:%02d", random.nextInt(24), 10 * random.nextInt(6)))
                .replace("{w}", WORDS[random.nextInt(WORDS.length)])
                .replace("{g}", String.valueOf(1 + random.nextInt(16)))
                .replace("{E}", VARIABLES[random.nextInt(VARIABLES.length)])
                .replace("{metric}", METRICS[random.nextInt(METRICS.length)])
                .replace("{lib}", LIBS[random.nextInt(LIBS.length)])
                .replace("{flag}", "disable_" + feature)
                .replace("{feature}", feature)
                .replace("{ns}", service.substring(0, service.indexOf('-')) + "-prod");
    }
}
