package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.FROM;
import static dev.opsbot.core.testing.triage.Evidence.NOW;
import static dev.opsbot.core.testing.triage.Evidence.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogAnalyzerTest {

    private static List<LogSignature> analyse(String... rawLines) {
        List<LogLine> lines = new ArrayList<>();
        for (String raw : rawLines) {
            lines.add(LogAnalyzer.parse("checkout-7d9f8b6c5-x2x4z", "app", raw));
        }
        return LogAnalyzer.signatures("kubernetes", lines, FROM, NOW, 10);
    }

    private static LogSignature only(String rawLine) {
        List<LogSignature> signatures = analyse(rawLine);
        assertThat(signatures).as("signatures of %s", rawLine).hasSize(1);
        return signatures.getFirst();
    }

    // ---- times

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-03-10T02:33:00Z ERROR boom|2026-03-10T02:33:00Z",
                "2026-03-10T02:33:00.123Z ERROR boom|2026-03-10T02:33:00.123Z",
                "2026-03-10T02:33:00.123456789Z ERROR boom|2026-03-10T02:33:00.123456789Z",
                "2026-03-10T04:33:00+02:00 ERROR boom|2026-03-10T02:33:00Z",
                "2026-03-09T21:33:00.5-05:00 ERROR boom|2026-03-10T02:33:00.5Z",
                "2026-03-10 02:33:00Z ERROR boom|2026-03-10T02:33:00Z",
                "2026-03-10T04:33:00+0200 ERROR boom|2026-03-10T02:33:00Z"
            })
    void aLeadingRfc3339TimeIsParsedAndSplitOff(String raw, String expected) {
        LogLine line = LogAnalyzer.parse("pod", "app", raw);

        assertThat(line.at()).isEqualTo(Instant.parse(expected));
        assertThat(line.text()).isEqualTo("ERROR boom");
    }

    @Test
    void aLineWithoutALeadingTimeIsKeptWhole() {
        LogLine line = LogAnalyzer.parse("pod", "app", "ERROR at 2026-03-10T02:33:00Z something broke");

        assertThat(line.at()).isNull();
        assertThat(line.text()).isEqualTo("ERROR at 2026-03-10T02:33:00Z something broke");
        assertThat(line.pod()).isEqualTo("pod");
        assertThat(line.container()).isEqualTo("app");
    }

    @Test
    void aTimeShapedPrefixThatIsNoRealTimeKeepsTheLineWhole() {
        LogLine line = LogAnalyzer.parse("pod", "app", "2026-13-45T02:33:00Z ERROR boom");

        assertThat(line.at()).isNull();
        assertThat(line.text()).isEqualTo("2026-13-45T02:33:00Z ERROR boom");
    }

    @Test
    void parseAllSkipsBlankLinesAndHandlesEveryLineBreak() {
        List<LogLine> lines = LogAnalyzer.parseAll(
                "pod", "app", "2026-03-10T02:33:00Z ERROR a\r\n\n   \n2026-03-10T02:34:00Z ERROR b\nno time here");

        assertThat(lines).extracting(LogLine::text).containsExactly("ERROR a", "ERROR b", "no time here");
        assertThat(lines).extracting(LogLine::at).containsExactly(at("02:33"), at("02:34"), null);
    }

    // ---- grouping

    @Test
    void aThousandLinesDifferingOnlyInIdsNumbersAndAddressesAreOneSignature() {
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            raw.add(String.format(
                    "2026-03-10T02:%02d:%02d.%03dZ ERROR order %08x-1b2c-4d5e-8f90-%012x for customer %d failed:"
                            + " upstream payments returned 503 after %dms (client 10.0.%d.%d, trace %032x)",
                    33 + i / 60,
                    i % 60,
                    i,
                    i * 7919,
                    i * 104729L,
                    100_000 + i,
                    20 + i,
                    i % 256,
                    (i * 7) % 256,
                    (long) i * 2_654_435_761L + 1));
        }

        List<LogSignature> signatures = analyse(raw.toArray(String[]::new));

        assertThat(signatures).hasSize(1);
        LogSignature signature = signatures.getFirst();
        assertThat(signature.count()).isEqualTo(1000);
        assertThat(signature.signature())
                .doesNotContainPattern("\\d{2,}")
                .contains("<id>", "<ip>", "<n>")
                .startsWith("error order <id> for customer <n> failed: upstream payments returned <n>");
        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEqualTo("payments");
        assertThat(signature.first()).isEqualTo(at("02:33"));
        assertThat(signature.last()).isEqualTo(Instant.parse("2026-03-10T02:49:39.999Z"));
        assertThat(signature.sample()).startsWith("ERROR order 00000000-1b2c");
        assertThat(signature.pods()).containsExactly("checkout-7d9f8b6c5-x2x4z");
    }

    @Test
    void signaturesComeMostFrequentFirstAndAreCappedAtTheLimit() {
        List<LogLine> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(LogAnalyzer.parse("p", "app", "2026-03-10T02:40:00Z ERROR connection refused: payments:8080"));
        }
        for (int i = 0; i < 3; i++) {
            lines.add(LogAnalyzer.parse("p", "app", "2026-03-10T02:40:00Z ERROR NullPointerException in Cart"));
        }
        lines.add(LogAnalyzer.parse("p", "app", "2026-03-10T02:40:00Z ERROR disk quota warning"));

        List<LogSignature> top2 = LogAnalyzer.signatures("kubernetes", lines, FROM, NOW, 2);

        assertThat(top2).extracting(LogSignature::count).containsExactly(5, 3);
    }

    @Test
    void linesFromSeveralPodsAreOneSignatureNamingEveryPod() {
        List<LogLine> lines = List.of(
                LogAnalyzer.parse("checkout-a", "app", "2026-03-10T02:40:00Z ERROR connection refused: payments:8080"),
                LogAnalyzer.parse("checkout-b", "app", "2026-03-10T02:41:00Z ERROR connection refused: payments:8080"));

        List<LogSignature> signatures = LogAnalyzer.signatures("kubernetes", lines, FROM, NOW, 10);

        assertThat(signatures).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.pods()).containsExactlyInAnyOrder("checkout-a", "checkout-b");
        });
    }

    @Test
    void linesThatDifferOnlyInTheirStatusCodeKeepTheirOwnCategories() {
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raw.add("2026-03-10T02:30:0" + i + "Z ERROR POST https://api.sendgrid.com/v3/mail/send returned 503");
        }
        for (int i = 0; i < 100; i++) {
            raw.add(String.format(
                    "2026-03-10T02:%02d:00Z ERROR POST https://api.sendgrid.com/v3/mail/send returned 429",
                    33 + i / 10));
        }

        List<LogSignature> signatures = analyse(raw.toArray(String[]::new));

        assertThat(signatures)
                .extracting(LogSignature::category, LogSignature::count)
                .containsExactly(tuple(LogCategory.RATE_LIMITED, 100), tuple(LogCategory.DOWNSTREAM_ERROR, 3));
    }

    @Test
    void aStackFramesFileAndLineIsNotADownstream() {
        LogSignature signature = only("2026-03-10T02:33:00Z ERROR java.net.SocketTimeoutException: Read timed out"
                + " at com.shop.checkout.PaymentsClient.charge(PaymentsClient.java:88)");

        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEmpty();
    }

    // ---- window

    @Test
    void onlyLinesInsideTheWindowCountAndLinesWithoutATimeAreKept() {
        List<LogSignature> signatures = analyse(
                "2026-03-10T01:59:59Z ERROR connection refused: payments:8080",
                "2026-03-10T02:00:00Z ERROR connection refused: payments:8080",
                "2026-03-10T03:00:00Z ERROR connection refused: payments:8080",
                "2026-03-10T03:00:01Z ERROR connection refused: payments:8080",
                "ERROR connection refused: payments:8080");

        assertThat(signatures).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(3);
            assertThat(s.first()).isEqualTo(FROM);
            assertThat(s.last()).isEqualTo(NOW);
        });
    }

    @Test
    void aSignatureWhoseLinesHaveNoTimeHasNoFirstOrLast() {
        LogSignature signature = only("panic: runtime error: invalid memory address or nil pointer dereference");

        assertThat(signature.first()).isNull();
        assertThat(signature.last()).isNull();
        assertThat(signature.category()).isEqualTo(LogCategory.ERROR);
    }

    // ---- categories, from what real Java, Go and Node services print

    @Test
    void hikariCpTimingOutIsAnExhaustedConnectionPool() {
        LogSignature signature =
                only("2026-03-10T02:33:01.123Z ERROR 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   :"
                        + " HikariPool-1 - Connection is not available, request timed out after 30000ms.");

        assertThat(signature.category()).isEqualTo(LogCategory.DB_POOL_EXHAUSTED);
        assertThat(signature.signature()).contains("request timed out after <n>ms");
    }

    @Test
    void postgresRefusingClientsIsAnExhaustedConnectionPool() {
        LogSignature signature = only("2026-03-10T02:33:01Z level=error msg=\"query failed\""
                + " err=\"FATAL: sorry, too many clients already (SQLSTATE 53300)\"");

        assertThat(signature.category()).isEqualTo(LogCategory.DB_POOL_EXHAUSTED);
    }

    @Test
    void a429FromSendgridIsRateLimitingBySendgrid() {
        LogSignature signature = only("2026-03-10T02:35:00.000Z {\"level\":\"error\",\"msg\":\"POST"
                + " https://api.sendgrid.com/v3/mail/send failed: 429 Too Many Requests\"}");

        assertThat(signature.category()).isEqualTo(LogCategory.RATE_LIMITED);
        assertThat(signature.downstream()).isEqualTo("api.sendgrid.com");
    }

    @Test
    void anExpiredCertificateInGoIsCertExpired() {
        LogSignature signature = only("2026-03-10T02:34:12Z level=error msg=\"charge failed\" err=\"Post"
                + " \\\"https://gateway.example.com/v1/charges\\\": x509: certificate has expired or is not yet"
                + " valid: current time 2026-03-10T02:34:12Z is after 2026-03-10T00:00:00Z\"");

        assertThat(signature.category()).isEqualTo(LogCategory.CERT_EXPIRED);
        assertThat(signature.downstream()).isEqualTo("gateway.example.com");
    }

    @Test
    void aBareX509ExpiryLineIsStillAnError() {
        LogSignature signature = only("2026-03-10T02:34:12Z x509: certificate has expired or is not yet valid");

        assertThat(signature.category()).isEqualTo(LogCategory.CERT_EXPIRED);
    }

    @Test
    void javasUnknownHostExceptionIsDnsFailureNamingTheService() {
        LogSignature signature = only("2026-03-10T02:34:00.000Z ERROR [http-nio-8080-exec-1] c.s.c.SearchClient -"
                + " java.net.UnknownHostException: search.shop.svc.cluster.local");

        assertThat(signature.category()).isEqualTo(LogCategory.DNS_FAILURE);
        assertThat(signature.downstream()).isEqualTo("search");
    }

    @Test
    void gosNoSuchHostIsDnsFailureNamingTheService() {
        LogSignature signature = only("2026-03-10T02:34:00Z Get \"http://search.shop.svc.cluster.local/q\": dial tcp:"
                + " lookup search.shop.svc.cluster.local on 10.96.0.10:53: no such host");

        assertThat(signature.category()).isEqualTo(LogCategory.DNS_FAILURE);
        assertThat(signature.downstream()).isEqualTo("search");
    }

    @Test
    void nodesEnotfoundIsDnsFailureNamingTheService() {
        LogSignature signature =
                only("2026-03-10T02:34:00Z Error: getaddrinfo ENOTFOUND search.shop.svc.cluster.local");

        assertThat(signature.category()).isEqualTo(LogCategory.DNS_FAILURE);
        assertThat(signature.downstream()).isEqualTo("search");
    }

    @Test
    void aRefusedConnectionToAnInClusterServiceIsADownstreamErrorNamingIt() {
        LogSignature signature = only("2026-03-10T02:33:05.118Z ERROR o.a.c.c.C.[dispatcherServlet] -"
                + " java.net.ConnectException: Connection refused: payments.shop.svc.cluster.local:8080");

        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEqualTo("payments");
    }

    @Test
    void nodesEconnrefusedIsADownstreamErrorNamingTheService() {
        LogSignature signature =
                only("2026-03-10T02:33:05Z Error: connect ECONNREFUSED payments.shop.svc.cluster.local:8080");

        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEqualTo("payments");
    }

    @Test
    void anUpstreamAnswering503IsADownstreamErrorNamingIt() {
        LogSignature signature = only("2026-03-10T02:33:05Z upstream payments returned 503");

        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEqualTo("payments");
    }

    @Test
    void pgJdbcRefusedConnectionIsADownstreamErrorNamingTheDatabase() {
        LogSignature signature = only("2026-03-10T02:33:05Z ERROR org.postgresql.util.PSQLException: Connection to"
                + " postgres:5432 refused. Check that the hostname and port are correct and that the postmaster is"
                + " accepting TCP/IP connections.");

        assertThat(signature.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(signature.downstream()).isEqualTo("postgres");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                "java.lang.OutOfMemoryError: Java heap space",
                "fatal error: runtime: out of memory",
                "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
            })
    void runningOutOfMemoryInJavaGoOrNodeIsOutOfMemory(String line) {
        assertThat(only("2026-03-10T02:33:00Z " + line).category()).isEqualTo(LogCategory.OUT_OF_MEMORY);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PANIC:  could not write to file \"pg_wal/xlogtemp.123\": No space left on device",
                "level=error msg=\"flush failed\" err=\"write /var/lib/data/wal/00000042: no space left on device\"",
                "write /var/lib/data/wal/00000042: no space left on device"
            })
    void noSpaceLeftOnDeviceIsDiskFull(String line) {
        assertThat(only("2026-03-10T02:33:00Z " + line).category()).isEqualTo(LogCategory.DISK_FULL);
    }

    @Test
    void aPlainErrorWithNoKnownPatternIsJustAnError() {
        LogSignature signature = only(
                "2026-03-10T02:33:00Z ERROR c.s.c.CartService - NullPointerException at" + " CartService.java:142");

        assertThat(signature.category()).isEqualTo(LogCategory.ERROR);
        assertThat(signature.downstream()).isEmpty();
    }

    @Test
    void infoAndDebugLinesAreNotErrors() {
        List<LogSignature> signatures = analyse(
                "2026-03-10T02:30:00Z INFO  c.s.c.CheckoutApplication - Started CheckoutApplication in 3.2 seconds",
                "2026-03-10T02:30:01Z level=info msg=\"GET /healthz\" status=200 duration=1ms",
                "2026-03-10T02:30:02Z DEBUG HikariPool-1 - Pool stats (total=10, active=2, idle=8, waiting=0)",
                "2026-03-10T02:30:03Z {\"level\":\"info\",\"msg\":\"order 123 placed\"}",
                "2026-03-10T02:30:04Z INFO rate limit configured at 100 requests per second");

        assertThat(signatures).isEmpty();
    }

    // ---- downstream names

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ERROR connection refused: payments:8080|payments",
                "ERROR connection refused: payments.shop:8080|payments",
                "ERROR connection refused: payments.shop.svc:8080|payments",
                "ERROR connection refused: payments.shop.svc.cluster.local:8080|payments",
                "ERROR call to https://payments.shop.svc.cluster.local:8443/charge failed: 502 Bad Gateway|payments",
                "ERROR POST https://api.stripe.com/v1/charges failed: 503 Service Unavailable|api.stripe.com",
                "ERROR connection refused: hooks.slack.com:443|hooks.slack.com",
                "ERROR connection reset calling inventory|inventory"
            })
    void inClusterNamesAreShortenedToTheServiceAndPublicHostsKeptWhole(String line, String downstream) {
        assertThat(only("2026-03-10T02:33:00Z " + line).downstream()).isEqualTo(downstream);
    }

    @Test
    void localhostAndBareAddressesNameNoDownstream() {
        assertThat(only("2026-03-10T02:33:00Z ERROR connection refused: localhost:5432")
                        .downstream())
                .isEmpty();
        assertThat(only("2026-03-10T02:33:00Z ERROR dial tcp 10.0.3.7:8080: connect: connection refused")
                        .downstream())
                .isEmpty();
    }
}
