package dev.opsbot.bench;

import dev.opsbot.core.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * Audit events as an incident produces them, in proportion: mostly tool runs, then questions, read elevations and
 * the odd model call. Their canonical JSON is 250-560 characters, as production's are.
 */
public final class AuditChainEvents {
    private static final Instant START = Instant.parse("2026-03-10T02:40:00Z");

    private AuditChainEvents() {}

    /** The {@code i}th event: deterministic, so every run appends the same log. */
    public static AuditEvent number(long i) {
        Instant at = START.plusMillis(i * 7);
        String actor = "person" + i % 40 + "@example.com";
        String thread = "slack/C-incident-" + i % 7 + "/1710037800." + (100_000 + i % 900_000);
        return switch ((int) (i % 10)) {
            case 0, 1 ->
                new AuditEvent.QuestionAsked(at, actor, thread, "why is checkout 5xx since 02:31? (" + i + ")");
            case 2 ->
                new AuditEvent.ElevationGranted(
                        at,
                        actor,
                        AuditEvent.Mode.READ,
                        "production",
                        "arn:aws:iam::111111111111:role/opsbot-read-oncall",
                        "opsbot-person" + i % 40,
                        at.plusSeconds(900),
                        thread,
                        null,
                        null,
                        List.of(),
                        List.of("oncall"));
            case 3 ->
                new AuditEvent.ModelCalled(
                        at,
                        actor,
                        "gpt-4.1-mini",
                        3_000 + i % 500,
                        400 + i % 50,
                        Long.toHexString(i).repeat(4),
                        thread);
            default ->
                new AuditEvent.ToolRun(
                        at,
                        actor,
                        "kubernetes.pod_logs",
                        actor + " (groups oncall)",
                        "{\"namespace\":\"shop\",\"pod\":\"checkout-7d9f8c-" + i % 97 + "\",\"container\":\"app\","
                                + "\"sinceSeconds\":900,\"tailLines\":500}",
                        20_000 + i % 5_000,
                        40 + i % 200,
                        "success",
                        thread);
        };
    }
}
