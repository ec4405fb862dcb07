package dev.opsbot.bench.jmh;

import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Redactor#redact(String, Vault)} over 10,000,000 characters (10 MB: the text is ASCII) of mixed log text on
 * one thread, a fresh vault per pass as a new conversation would have: access logs, Java stack traces, JSON logs full
 * of UUIDs, trace ids, SHAs, digests, ARNs and resource ids, and 1 % of lines holding a secret of one of 16 kinds.
 * One operation is one pass over the whole text, so MB/s = ops/s x 10. The target (issue 5) is 100 MB/s.
 * {@code redactLineByLine} redacts the same text one line per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class RedactionBenchmark {
    static final int SIZE = 10_000_000;
    static final double SECRET_LINES = 0.01;

    private final Redactor redactor = Redactor.standard();
    private String text;
    private String[] lines;

    @Setup
    public void makeText() {
        text = new Corpus(new Random(20260310)).text(SIZE);
        lines = text.split("\n");
        Vault vault = Vault.create();
        String redacted = redactor.redact(text, vault);
        // a sanity check the figure depends on: the secrets were there and were found
        System.out.printf(
                Locale.ROOT,
                "%ncorpus: %,d chars, %,d lines, %,d secrets redacted (%,d chars changed)%n",
                text.length(),
                text.lines().count(),
                vault.size(),
                text.length() - redacted.length());
    }

    @Benchmark
    public String redactTenMegabytes() {
        return redactor.redact(text, Vault.create());
    }

    /** The same text one line per call, as evidence and tool outputs arrive: the per-call overhead shows here. */
    @Benchmark
    public long redactLineByLine() {
        Vault vault = Vault.create();
        long chars = 0;
        for (String line : lines) {
            chars += redactor.redact(line, vault).length();
        }
        return chars;
    }

    /** Ordinary log lines of several shapes, and now and then one with a secret in it. Deterministic. */
    static final class Corpus {
        private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        private static final String HEX = "0123456789abcdef";
        private static final String[] PATHS = {
            "/api/v1/orders", "/api/v1/cart/items", "/healthz", "/api/v2/products/search", "/static/app.js"
        };
        private static final String[] CLASSES = {
            "com.example.checkout.PaymentClient",
            "com.example.checkout.CartService",
            "io.grpc.internal.ClientCallImpl",
            "org.springframework.web.servlet.FrameworkServlet",
            "java.util.concurrent.ThreadPoolExecutor"
        };
        private final Random random;

        Corpus(Random random) {
            this.random = random;
        }

        String text(int size) {
            StringBuilder out = new StringBuilder(size + 1024);
            while (out.length() < size) {
                out.append(random.nextDouble() < SECRET_LINES ? secretLine() : ordinaryLine())
                        .append('\n');
            }
            out.setLength(size);
            return out.toString();
        }

        private String ordinaryLine() {
            return switch (random.nextInt(10)) {
                case 0, 1, 2 -> accessLog();
                case 3, 4, 5 -> jsonLog();
                case 6 ->
                    "\tat " + pick(CLASSES) + ".call(" + pick(CLASSES).substring(4, 12) + ".java:" + random.nextInt(900)
                            + ")";
                case 7 ->
                    time() + " ERROR " + pick(CLASSES) + " - call to payments failed: connection refused "
                            + "(payments.shop.svc:8080) after " + random.nextInt(5000) + " ms, token refresh scheduled";
                case 8 ->
                    time() + " INFO  deploy of registry.example.com/shop/checkout@sha256:" + rnd(HEX, 64)
                            + " commit " + rnd(HEX, 40) + " by arn:aws:iam::123456789012:role/deployer on i-0"
                            + rnd(HEX, 16) + " in vpc-0" + rnd(HEX, 16) + " secret \"db-creds\" mounted";
                default ->
                    time() + " WARN  k8s event: pod/checkout-7d9f8b6c5-"
                            + rnd(ALNUM, 5).toLowerCase(Locale.ROOT)
                            + " Back-off restarting failed container app uid=" + UUID.nameUUIDFromBytes(bytes())
                            + " resourceVersion=" + random.nextInt(99_999_999);
            };
        }

        private String accessLog() {
            return "10." + random.nextInt(255) + "." + random.nextInt(255) + "." + random.nextInt(255)
                    + " - - [10/Mar/2026:02:"
                    + two(60) + ":" + two(60) + " +0000] \"GET " + pick(PATHS) + "?page=" + random.nextInt(50)
                    + " HTTP/1.1\" " + (random.nextInt(20) == 0 ? 503 : 200) + " " + random.nextInt(99_999)
                    + " \"https://shop.example.com/cart\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\" "
                    + random.nextInt(900) + "ms";
        }

        private String jsonLog() {
            return "{\"ts\":\"2026-03-10T02:" + two(60) + ":" + two(60) + "." + random.nextInt(1000)
                    + "Z\",\"level\":\"info\",\"logger\":\"" + pick(CLASSES)
                    + "\",\"msg\":\"order created\",\"order_id\":\""
                    + UUID.nameUUIDFromBytes(bytes()) + "\",\"trace_id\":\"" + rnd(HEX, 32) + "\",\"span_id\":\""
                    + rnd(HEX, 16) + "\",\"duration_ms\":" + random.nextInt(2000) + ",\"user\":\"u-"
                    + random.nextInt(9999)
                    + "\"}";
        }

        private String secretLine() {
            String prefix = time() + " WARN  " + pick(CLASSES) + " - ";
            return prefix
                    + switch (random.nextInt(16)) {
                        case 0 -> "cloning with GITHUB_TOKEN=ghp_" + rnd(ALNUM, 36);
                        case 1 -> "POST https://api.stripe.com/v1/charges key sk_live_" + rnd(ALNUM, 24) + " failed";
                        case 2 -> "connecting to postgres://orders:" + rnd(ALNUM, 16) + "@db.shop.svc:5432/orders";
                        case 3 ->
                            "request headers {Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ."
                                    + "eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6c2hvcDpjaGVja291dCJ9." + rnd(ALNUM, 86)
                                    + "}";
                        case 4 ->
                            "aws_access_key_id=AKIA" + rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
                                    + " aws_secret_access_key=" + rnd(ALNUM, 40);
                        case 5 -> "config loaded: password=" + rnd(ALNUM, 12) + "!" + " pool=20";
                        case 6 ->
                            "slack post to https://hooks.slack.com/services/T"
                                    + rnd(ALNUM, 8).toUpperCase(Locale.ROOT) + "/B"
                                    + rnd(ALNUM, 8).toUpperCase(Locale.ROOT) + "/" + rnd(ALNUM, 24) + " returned 404";
                        case 7 -> "using xoxb-" + random.nextInt(999_999_999) + "-" + rnd(ALNUM, 24);
                        case 8 -> "openai call with sk-proj-" + rnd(ALNUM, 48) + " timed out";
                        case 9 -> "DD_API_KEY=" + rnd(HEX, 32) + " set for agent";
                        case 10 -> "Cookie: session=" + rnd(ALNUM, 32) + "; lang=en";
                        case 11 -> "X-Api-Key: " + rnd(ALNUM, 32);
                        case 12 ->
                            "{\"client_secret\":\"" + rnd(ALNUM, 32) + "\",\"grant_type\":\"client_credentials\"}";
                        case 13 -> "redis://:" + rnd(ALNUM, 20) + "@cache.shop.svc:6379/0 unreachable";
                        case 14 -> "vault login token hvs." + rnd(ALNUM, 90);
                        default -> "npm publish with //registry.npmjs.org/:_authToken=npm_" + rnd(ALNUM, 36);
                    };
        }

        private String time() {
            return "2026-03-10T02:" + two(60) + ":" + two(60) + "." + random.nextInt(1000) + "Z";
        }

        private String two(int bound) {
            int value = random.nextInt(bound);
            return value < 10 ? "0" + value : Integer.toString(value);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private String rnd(String alphabet, int length) {
            char[] out = new char[length];
            for (int i = 0; i < length; i++) {
                out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(out);
        }

        private byte[] bytes() {
            byte[] seed = new byte[8];
            random.nextBytes(seed);
            return seed;
        }
    }
}
