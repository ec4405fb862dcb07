package dev.opsbot.tools.argocd;

import dev.opsbot.core.triage.SourceEvidence;
import java.util.Set;
import java.util.stream.Collectors;

/** An application's health, sync status and last operation as checks: what was read, normal or not. */
final class ApplicationChecks {
    private static final Set<String> BAD_HEALTH = Set.of("Degraded", "Missing");
    private static final int SHOWN_RESOURCES = 5;

    private ApplicationChecks() {}

    static void record(Application app, SourceEvidence.Builder evidence) {
        health(app, evidence);
        sync(app, evidence);
        app.operation().ifPresent(op -> operation(app, op, evidence));
    }

    private static void health(Application app, SourceEvidence.Builder evidence) {
        String what = "application " + app.name() + " health";
        String health = app.healthStatus().isEmpty() ? "Unknown" : app.healthStatus();
        if (!BAD_HEALTH.contains(health)) {
            evidence.normal(what, health);
            return;
        }
        String resources = app.resources().stream()
                .limit(SHOWN_RESOURCES)
                .map(ResourceHealth::describe)
                .collect(Collectors.joining("; "));
        if (app.resources().size() > SHOWN_RESOURCES) {
            resources += "; and " + (app.resources().size() - SHOWN_RESOURCES) + " more";
        }
        String message = app.healthMessage().isEmpty() ? "" : " (" + app.healthMessage() + ")";
        evidence.abnormal(what, health + message + (resources.isEmpty() ? "" : ": " + resources));
    }

    private static void sync(Application app, SourceEvidence.Builder evidence) {
        String what = "application " + app.name() + " sync";
        String status = app.syncStatus().isEmpty() ? "Unknown" : app.syncStatus();
        String detail = status + " with " + Revisions.describe(app.syncRevision());
        if (status.equals("Synced")) {
            evidence.normal(what, detail);
        } else {
            evidence.abnormal(what, detail);
        }
    }

    private static void operation(Application app, OperationState op, SourceEvidence.Builder evidence) {
        String what = "application " + app.name() + " last sync operation";
        String when = op.finishedAt() != null
                ? " finished " + op.finishedAt()
                : op.startedAt() != null ? " started " + op.startedAt() : "";
        String detail = op.phase() + when + " (" + Revisions.describe(op.revision()) + ")"
                + (op.message().isEmpty() ? "" : ": " + SyncChanges.shorten(op.message()));
        if (op.failed()) {
            evidence.abnormal(what, detail);
        } else {
            evidence.normal(what, detail);
        }
    }
}
