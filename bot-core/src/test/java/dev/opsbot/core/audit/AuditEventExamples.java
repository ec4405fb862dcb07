package dev.opsbot.core.audit;

import dev.opsbot.core.audit.AuditEvent.Mode;
import java.time.Instant;
import java.util.List;

/**
 * One event of every type, with awkward values where a type has room for them (quotes, control characters, a
 * nanosecond time, a long): what the canonical-form tests here and the database round trip in db use.
 */
public final class AuditEventExamples {
    public static final Instant AT = Instant.parse("2026-03-10T02:41:07.123456789Z");

    private AuditEventExamples() {}

    public static List<AuditEvent> everyType() {
        return List.of(
                new AuditEvent.ElevationGranted(
                        AT,
                        "alice@example.com",
                        Mode.WRITE,
                        "production",
                        "arn:aws:iam::111111111111:role/opsbot-write-oncall",
                        "opsbot-alice-p-42",
                        Instant.parse("2026-03-10T02:56:07Z"),
                        "slack/C-incident/1710037800.000100",
                        "bob@example.com",
                        "p-42",
                        List.of("kubernetes.rollback Deployment/shop/checkout", "eks:DescribeCluster"),
                        List.of("oncall-deployers")),
                new AuditEvent.ElevationRefused(
                        AT, "carol@example.com", Mode.READ, "production", null, null, null, "no read role"),
                new AuditEvent.QuestionAsked(
                        AT,
                        "alice@example.com",
                        "console/C-ops/t-1",
                        "why is \"checkout\" 5xx? — é 🚀\nsince 02:31\t\u0001 C:\\logs"),
                new AuditEvent.ToolRun(
                        AT,
                        "alice@example.com",
                        "kubernetes.logs",
                        "alice@example.com (groups oncall)",
                        "{\"namespace\":\"shop\",\"token\":\"[[secret:github-pat:1]]\"}",
                        12_345_678_901L,
                        250,
                        "success",
                        "console/C-ops/t-1"),
                new AuditEvent.ProposalCreated(
                        AT,
                        "alice@example.com",
                        "p-42",
                        "rollback Deployment shop/checkout to revision 41",
                        "production",
                        "WRITE",
                        "triage",
                        "console/C-ops/t-1",
                        Instant.parse("2026-03-10T02:56:07Z"),
                        2),
                new AuditEvent.ProposalDecided(
                        AT, "alice@example.com", "p-42", "refused", "alice can't approve her own production change"),
                new AuditEvent.ActionExecuted(
                        AT,
                        "alice@example.com",
                        "p-42",
                        "rollback Deployment shop/checkout to revision 41",
                        List.of("bob@example.com"),
                        "DONE",
                        "rolled back to revision 41",
                        1_800),
                new AuditEvent.ActionVerified(AT, "alice@example.com", "p-42", true, "5xx rate 0.00 after 2 min"),
                new AuditEvent.ModelCalled(AT, "alice@example.com", "gpt-4.1", 1_200, 300, "ab".repeat(32), null),
                new AuditEvent.GuardrailRefused(
                        AT,
                        "alice@example.com",
                        "delete namespaces shop (kubernetes, production)",
                        "deny-destructive-in-production",
                        "destructive operations are denied in production"),
                new AuditEvent.MemoryChanged(
                        AT,
                        "alice@example.com",
                        "m-3f9a2c",
                        "learned",
                        "fix",
                        "rolling back checkout to revision 41 stops the OOM kills",
                        "slack/C0INCIDENT/1773111060.000200"));
    }
}
