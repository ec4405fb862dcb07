package dev.opsbot.core.redaction;

import static dev.opsbot.core.testing.triage.Evidence.change;
import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.investigation;
import static dev.opsbot.core.testing.triage.Evidence.logs;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.ref;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageEngine;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.ChartRenderer;
import dev.opsbot.core.triage.result.TriageJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Secrets planted in what sources report (pod logs, a changed env var, a finding's detail) never reach the answer in
 * chat nor the triage JSON, in any case, while the evidence itself still does, with placeholders where they were.
 */
class EvidenceRedactionTest {
    private static final String JWT = SecretSamples.base64Url("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "."
            + SecretSamples.base64Url("{\"sub\":\"system:serviceaccount:shop:checkout\"}") + "."
            + "Qx7Rk2_aZ9vLw2Xb8Rn4Tm1Yp6Hs3Jd5Fg0Qc9Wa7Ue2OaB3dE5fG7hJ9kL1mN";
    private static final String STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dcQx7Rk2aZ9vLw";
    private static final String AWS_KEY_ID = "AKIA" + "2E0A8F3B244C9986";
    private static final String DB_PASSWORD = "hunter2-prod";
    private static final String URL_PASSWORD = "s3cr3tP4ss";
    private static final List<String> SECRETS = List.of(JWT, STRIPE, AWS_KEY_ID, DB_PASSWORD, URL_PASSWORD);

    private final FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes");
    private final FakeEvidenceSource prometheus = FakeEvidenceSource.named("prometheus");
    private final TriageEngine engine = new TriageEngine(List.of(kubernetes, prometheus), Duration.ofSeconds(2));

    private void plantSecrets() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42, "payments"))
                .change(rollout("checkout")
                        .at("02:31")
                        .revision(42)
                        .detail("rollout to revision 42 (env DB_PASSWORD " + DB_PASSWORD + " -> changeme2)")
                        .field("env.DB_PASSWORD", DB_PASSWORD, "changeme2")
                        .build())
                .change(change(ChangeKind.CONFIG_CHANGE, ref("ConfigMap", "checkout-config"))
                        .at("02:30")
                        .detail("data.DATABASE_URL changed")
                        .field("", "data.DATABASE_URL", "", "postgres://orders:" + URL_PASSWORD + "@db:5432/orders")
                        .build())
                .finding(finding(FindingKind.CRASH_LOOP, pod("checkout-7d9f8b6c5-x2x4z"))
                        .at("02:35")
                        .attr("reason", "CrashLoopBackOff")
                        .attr("message", "could not connect to postgres://orders:" + URL_PASSWORD + "@db:5432")
                        .detail("checkout-7d9f8b6c5-x2x4z: CrashLoopBackOff: postgres://orders:" + URL_PASSWORD
                                + "@db:5432 refused")
                        .build())
                .logs(logs(
                        "checkout-7d9f8b6c5-x2x4z",
                        "2026-03-10T02:33:04Z ERROR charge failed: connection refused: payments:9090 "
                                + "(Authorization: Bearer " + JWT + ", stripe key " + STRIPE + ")",
                        "2026-03-10T02:34:04Z ERROR charge failed: connection refused: payments:9090 "
                                + "(Authorization: Bearer " + JWT + ", stripe key " + STRIPE + ")",
                        "2026-03-10T02:34:30Z ERROR S3 upload failed: AccessDenied for " + AWS_KEY_ID
                                + " signing with key " + AWS_KEY_ID)));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.3).build()));
    }

    private TriageReport investigate() {
        plantSecrets();
        ToolContext context =
                ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(30), Clock.systemUTC());
        return engine.investigate(investigation("checkout", SymptomKind.HTTP_5XX), context, TriageListener.NONE);
    }

    @Test
    void noSecretFromAPodLogReachesTheAnswerOrTheTriageJson() {
        TriageReport report = investigate();

        Reply answer = new AnswerRenderer(ChartRenderer.NONE).render(report, "alice@example.com");
        String json = TriageJson.write(report.result());

        for (String secret : SECRETS) {
            assertThat(answer.toString()).as("answer").doesNotContain(secret).doesNotContain(lower(secret));
            assertThat(json).as("triage JSON").doesNotContain(secret).doesNotContain(lower(secret));
        }
        assertThat(json).contains("[[secret:");
        assertThat(json)
                .as("placeholders survive the masking of log signatures")
                .doesNotContainPattern("\\[\\[secret:[a-z-]+:<");
        assertThat(json).as("the evidence itself still reaches the JSON").contains("connection refused");
    }

    @Test
    void theSameSecretReadsTheSameAcrossTheEvidenceOfOneSource() {
        Vault vault = Vault.create();
        SourceEvidence evidence = SourceEvidence.builder("kubernetes", vault)
                .logs(logs(
                        "checkout-1",
                        "2026-03-10T02:33:04Z ERROR auth failed with token " + STRIPE,
                        "2026-03-10T02:34:04Z ERROR upstream said 401 for " + STRIPE))
                .abnormal("pods", "env STRIPE_KEY=" + STRIPE)
                .build();

        String placeholder = Redactor.standard().redact(STRIPE, vault);
        assertThat(evidence.logs()).extracting(LogSignature::sample).allMatch(s -> s.contains(placeholder));
        assertThat(evidence.logs())
                .extracting(LogSignature::signature)
                .allMatch(s -> s.contains(placeholder) && !s.contains(lower(STRIPE)));
        assertThat(evidence.checks().getFirst().detail()).isEqualTo("env STRIPE_KEY=" + placeholder);
    }

    @Test
    void aFieldNamedLikeAPasswordIsRedactedWhateverItsValueAndSoIsItsEchoInTheDetail() {
        SourceEvidence evidence = SourceEvidence.builder("kubernetes")
                .change(rollout("checkout")
                        .revision(42)
                        .detail("env DB_PASSWORD " + DB_PASSWORD + " -> changeme2; image unchanged")
                        .field("env.DB_PASSWORD", DB_PASSWORD, "changeme2")
                        .field("image", "shop/checkout:1.7.0", "shop/checkout:1.8.0")
                        .build())
                .build();

        var change = evidence.changes().getFirst();
        assertThat(change.detail())
                .doesNotContain(DB_PASSWORD)
                .doesNotContain("changeme2")
                .contains("image unchanged");
        assertThat(change.fields().getFirst().before()).startsWith("[[secret:password:");
        assertThat(change.fields().get(1).after()).isEqualTo("shop/checkout:1.8.0");
    }

    private static String lower(String secret) {
        return secret.toLowerCase(Locale.ROOT);
    }
}
